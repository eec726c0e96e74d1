import type { RatingRecord } from "../data/case-records.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { publishEvents } from "../kernel/publish-events.ts";
import { maskFreeText } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { chatRatedEvent } from "./case-events.ts";

/**
 * The customer rates a chat once it has ended (after `chatEnded`): the score and the masked comment
 * are stored with the chat's case and counted in the statistics of the queue its agent took it from.
 * Before the end it is CONFLICT (the chat is not closed yet, so CHAT_CLOSED would say the opposite);
 * a second rating is CONFLICT.
 */
export async function rateChat(
  deps: Needs<"chats" | "cases" | "events">,
  caller: Caller,
  frame: ClientFrame<"rateChat">,
): Promise<ServerFrame<"chatRated">> {
  const chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  if (caller.identity.role !== "customer" || chat.customer.id !== caller.identity.sub)
    throw new ForbiddenError("Only the customer rates a chat.");
  if (chat.state !== "ended" || !chat.caseNumber)
    throw new ConflictError("A chat can be rated once it has ended.");
  const rating: RatingRecord = {
    score: frame.score,
    at: new Date().toISOString(),
    ...(frame.comment?.trim() ? { comment: maskFreeText(frame.comment, { field: "comment" }).text } : {}),
  };
  const queueId = chat.lastQueueId;
  const result = await deps.cases.recordRating(chat.caseNumber, rating, queueId);
  if (result === "already") throw new ConflictError("This chat has been rated already.");
  if (result === "missing") throw new NotFoundError("No such chat.");
  const ref = {
    caseNumber: chat.caseNumber,
    chatId: chat.chatId,
    kind: "chat" as const,
    customerId: chat.customer.id,
  };
  await publishEvents(deps, [chatRatedEvent(ref, rating, queueId)]);
  return { type: "chatRated", requestId: frame.requestId, chatId: chat.chatId };
}
