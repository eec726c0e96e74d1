import type { Caller } from "../kernel/caller.ts";
import { ACTIVE_STATES, requireParticipant } from "../kernel/chat-access.ts";
import { toMessageFrame } from "../kernel/message-frames.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import { MAX_MESSAGES_PER_PAGE } from "../protocol/limits.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { toNoteFrame } from "../supervision/note-frames.ts";

/**
 * A participant back on a new connection: the connection is subscribed first, so nothing sent from
 * now on is missed, then every message after `afterSeq` is replayed in order. A message stored while
 * the replay runs may arrive twice (once live, once replayed); clients drop a `seq` they already have.
 */
export async function resumeChat(
  deps: Needs<"chats" | "sender" | "notes">,
  caller: Caller,
  frame: ClientFrame<"resume">,
): Promise<ServerFrame<"resumed">> {
  let chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  if (ACTIVE_STATES.includes(chat.state)) {
    await deps.chats.subscribe(chat.chatId, {
      connectionId: caller.connectionId,
      userId: caller.identity.sub,
      role: caller.identity.role,
    });
  }
  let afterSeq = frame.afterSeq;
  for (;;) {
    const page = await deps.chats.listMessages(chat.chatId, afterSeq, MAX_MESSAGES_PER_PAGE);
    const frames = page.messages.map((message) => toMessageFrame(frame.chatId, message));
    if (frames.length > 0) await deps.sender.send(caller.connectionId, frames);
    afterSeq = page.messages.at(-1)?.seq ?? afterSeq;
    if (!page.hasMore) break;
  }
  // Staff get the notes too, after the messages, by their own sequence; a customer never does.
  if (caller.identity.role !== "customer") {
    const { chatId } = chat;
    const notes = await deps.notes.list(chatId, frame.afterNoteSeq ?? 0);
    if (notes.length > 0)
      await deps.sender.send(
        caller.connectionId,
        notes.map((note) => toNoteFrame(chatId, note)),
      );
  }
  chat = (await deps.chats.get(frame.chatId)) ?? chat;
  return {
    type: "resumed",
    requestId: frame.requestId,
    chatId: chat.chatId,
    state: chat.state,
    lastSeq: Math.max(chat.lastSeq, afterSeq),
    caseNumber: chat.caseNumber,
  };
}
