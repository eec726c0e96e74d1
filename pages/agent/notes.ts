import type { CareChatClient } from "../../client/src/index.ts";
import { NotesPanel } from "../shared/notes-panel.ts";
import type { ChatPanel } from "./chat-panel.ts";

/**
 * The desk's whisper panel: every chat panel gets the chat's staff notes and a form to write one.
 * Notes arrive live as `note` frames and again on `resume` (by noteSeq, shown once each).
 */
export function wireNotes(client: CareChatClient): { attach(panel: ChatPanel): void } {
  const byChat = new Map<string, NotesPanel>();
  client.on("note", (note) => byChat.get(note.chatId)?.add(note));
  return {
    attach(panel) {
      const notes = new NotesPanel(client, panel.chatId);
      byChat.set(panel.chatId, notes);
      panel.panel.append(notes.element);
    },
  };
}
