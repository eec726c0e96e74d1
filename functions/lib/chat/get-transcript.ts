import type { Caller } from "../kernel/caller.ts";
import { requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import { MAX_MESSAGES_PER_PAGE } from "../protocol/limits.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { noteEntry } from "../supervision/note-frames.ts";

/** A transcript frame stays well under API Gateway's 128 KB message limit; the rest is paged. */
const MAX_TRANSCRIPT_BYTES = 96 * 1024;

export async function getTranscript(
  deps: Needs<"chats" | "notes">,
  caller: Caller,
  frame: ClientFrame<"getTranscript">,
): Promise<ServerFrame<"transcript">> {
  const chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  const page = await deps.chats.listMessages(chat.chatId, frame.afterSeq, MAX_MESSAGES_PER_PAGE);
  const messages: ServerFrame<"transcript">["messages"] = [];
  let bytes = Buffer.byteLength(chat.summary ?? "") + 1024;
  for (const { seq, from, text, sentAt, redacted } of page.messages) {
    const entry = { seq, from, text, sentAt, redacted };
    bytes += Buffer.byteLength(JSON.stringify(entry));
    if (bytes > MAX_TRANSCRIPT_BYTES && messages.length > 0) break;
    messages.push(entry);
  }
  return {
    type: "transcript",
    requestId: frame.requestId,
    chatId: chat.chatId,
    state: chat.state,
    caseNumber: chat.caseNumber,
    summary: chat.summary,
    messages,
    hasMore: page.hasMore || messages.length < page.messages.length,
    // The staff's case record holds the notes; the customer's transcript never does.
    ...(caller.identity.role === "customer"
      ? {}
      : { notes: (await deps.notes.list(chat.chatId)).map(noteEntry) }),
  };
}
