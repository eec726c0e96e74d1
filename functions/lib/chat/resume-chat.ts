import type { MessageRecord } from "../data/records.ts";
import type { Caller } from "../kernel/caller.ts";
import { ACTIVE_STATES, requireParticipant } from "../kernel/chat-access.ts";
import { toMessageFrame } from "../kernel/message-frames.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import { MAX_MESSAGES_PER_PAGE } from "../protocol/limits.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { toNoteFrame } from "../supervision/note-frames.ts";
import { settledHoles } from "./seq-gaps.ts";

/**
 * A participant back on a new connection: the connection is subscribed first, so nothing sent from
 * now on is missed, then every message after `afterSeq` is replayed in order. A message stored while
 * the replay runs may arrive twice (once live, once replayed); clients drop a `seq` they already have.
 */
export async function resumeChat(
  deps: Needs<"chats" | "sender" | "notes" | "seqHoles">,
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
  const replayed = await replay(deps, caller.connectionId, chat.chatId, frame.afterSeq);
  let afterSeq = replayed.lastListedSeq;
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
  // Seqs reserved and never filled would hold the client's in-order delivery: close the settled ones.
  const skipped = [...replayed.voided];
  for (const seq of settledHoles(replayed, frame.afterSeq, chat.lastSeq, chat.updatedAt)) {
    if (await deps.seqHoles.close(chat.chatId, seq)) skipped.push(seq);
    else
      afterSeq = Math.max(
        afterSeq,
        (await replay(deps, caller.connectionId, chat.chatId, seq - 1)).lastListedSeq,
      );
  }
  return {
    type: "resumed",
    requestId: frame.requestId,
    chatId: chat.chatId,
    state: chat.state,
    lastSeq: Math.max(chat.lastSeq, afterSeq),
    caseNumber: chat.caseNumber,
    ...(skipped.length > 0 ? { skipped: skipped.sort((a, b) => a - b) } : {}),
  };
}

/** Sends every message after `afterSeq` to the connection, page by page; returns what it listed. */
async function replay(
  deps: Needs<"chats" | "sender">,
  connectionId: string,
  chatId: string,
  afterSeq: number,
) {
  const messages: MessageRecord[] = [];
  const voided: number[] = [];
  let lastListedSeq = afterSeq;
  for (;;) {
    const page = await deps.chats.listMessages(chatId, lastListedSeq, MAX_MESSAGES_PER_PAGE);
    const frames = page.messages.map((message) => toMessageFrame(chatId, message));
    if (frames.length > 0) await deps.sender.send(connectionId, frames);
    messages.push(...page.messages);
    voided.push(...page.voided);
    lastListedSeq = page.lastListedSeq ?? lastListedSeq;
    if (!page.hasMore) return { messages, voided, lastListedSeq };
  }
}
