import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import type { NoteRecord } from "../data/supervision-records.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireActive } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { maskFreeText } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { toNoteFrame } from "./note-frames.ts";
import { requireNoteWriter, staffAudience } from "./staff-access.ts";

/**
 * A note between the staff of a chat. It is masked like a message (the boundary masked it already;
 * masking again is a no-op), stored under the next `noteSeq` in the chat's partition, part of the case
 * record the staff read, and delivered only to the staff audience: participants who are staff, and
 * monitors. The customer's connections are never among the recipients, and the customer's reads
 * (resume, getTranscript, the summary) never include notes.
 */
export async function whisper(
  deps: Needs<"chats" | "notes" | "sender">,
  caller: Caller,
  frame: ClientFrame<"whisper">,
): Promise<ServerFrame<"noteAck">> {
  const identity = requireStaff(caller);
  return retryOnConflict(
    async () => {
      const { chat, subscriptions } = await deps.chats.loadWithSubscribers(frame.chatId);
      requireNoteWriter(chat, subscriptions, caller);
      requireActive(chat);
      const masked = maskFreeText(frame.text, { field: "text" });
      const redacted = masked.kinds.length > 0 || caller.redaction?.fields.text !== undefined;
      const note: Omit<NoteRecord, "noteSeq"> = {
        from: { role: identity.role, id: identity.sub, name: identity.name },
        text: masked.text,
        sentAt: new Date().toISOString(),
        redacted,
      };
      const stored = await deps.notes.append(chat.chatId, await deps.notes.lastNoteSeq(chat.chatId), note);
      if (!stored) return RETRY;
      // Committed: a note that fails to arrive is recovered by a staff resume.
      await deps.sender.broadcast(staffAudience(chat, subscriptions), [toNoteFrame(chat.chatId, stored)], {
        chatId: chat.chatId,
      });
      return {
        type: "noteAck",
        requestId: frame.requestId,
        chatId: chat.chatId,
        noteSeq: stored.noteSeq,
        redacted,
      };
    },
    { operation: "whisper" },
  );
}
