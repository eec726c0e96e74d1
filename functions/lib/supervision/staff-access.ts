import type { StaffIdentity } from "../auth/identity.ts";
import type { ChatRecord, SubscriptionRecord } from "../data/records.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import { participantOf } from "../kernel/chat-access.ts";
import { monitorSubscriptionOf } from "../kernel/monitor-access.ts";

export function requireSupervisor(caller: Caller): StaffIdentity {
  const { identity } = caller;
  if (identity.role !== "supervisor") throw new ForbiddenError("Only supervisors can do this.");
  return identity;
}

/** The queue a chat belongs to for supervision: where it waits, or the queue its agent took it from. */
export const chatQueueId = (chat: ChatRecord): string | undefined => chat.queue?.queueId ?? chat.lastQueueId;

/** `queues: ["*"]` grants every queue; a chat in no queue yet (with the assistant) only to `*`. */
export const grantsQueue = (identity: { readonly queues: readonly string[] }, queueId: string | undefined) =>
  identity.queues.includes("*") || (queueId !== undefined && identity.queues.includes(queueId));

/**
 * A supervisor may supervise a chat of a queue their token grants. Any other chat is answered exactly as
 * a chat that does not exist (NOT_FOUND), so queue access cannot be probed for chat ids.
 */
export function requireQueueAccess(
  chat: ChatRecord | undefined,
  identity: StaffIdentity,
): asserts chat is ChatRecord {
  if (!chat || !grantsQueue(identity, chatQueueId(chat))) throw new NotFoundError();
}

/**
 * The staff audience of a chat: the connections of its staff participants and its monitors. Notes go
 * to these and to nobody else; a customer's connection never qualifies, whatever else it holds.
 */
export function staffAudience(
  chat: ChatRecord,
  subscriptions: readonly SubscriptionRecord[],
): SubscriptionRecord[] {
  return subscriptions.filter((subscription) => {
    if (subscription.role === "customer" || subscription.userId === chat.customer.id) return false;
    if (subscription.audience === "monitor") return true;
    const participant = Object.hasOwn(chat.participants, subscription.userId)
      ? chat.participants[subscription.userId]
      : undefined;
    return participant !== undefined && participant.role !== "customer";
  });
}

/** Who may write a note: a staff participant of the chat, or a monitor on this very connection. */
export function requireNoteWriter(
  chat: ChatRecord | undefined,
  subscriptions: readonly SubscriptionRecord[],
  caller: Caller,
): asserts chat is ChatRecord {
  if (!chat || caller.identity.role === "customer") throw new NotFoundError();
  const participant = participantOf(chat, caller);
  if (participant && participant.role !== "customer") return;
  if (monitorSubscriptionOf(subscriptions, caller)) return;
  throw new NotFoundError();
}
