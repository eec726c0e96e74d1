import type { ChatRecord, SubscriptionRecord } from "../data/records.ts";
import { ForbiddenError } from "../errors.ts";
import type { Caller } from "./caller.ts";
import { participantOf } from "./chat-access.ts";

/** The caller's own silent-monitor subscription to the chat, if this connection holds one. */
export const monitorSubscriptionOf = (subscriptions: readonly SubscriptionRecord[], caller: Caller) =>
  subscriptions.find(
    (subscription) =>
      subscription.connectionId === caller.connectionId &&
      subscription.userId === caller.identity.sub &&
      subscription.audience === "monitor",
  );

/**
 * A monitor watches and never speaks to the chat: anything it would send (a message, a typing
 * indicator) is FORBIDDEN, answered before anything is stored or delivered. A supervisor who barged
 * in is a participant, not a monitor, and passes.
 */
export function refuseMonitor(
  chat: ChatRecord | undefined,
  subscriptions: readonly SubscriptionRecord[],
  caller: Caller,
): void {
  if (!chat || participantOf(chat, caller)) return;
  if (monitorSubscriptionOf(subscriptions, caller))
    throw new ForbiddenError("A monitor cannot write to the chat; barge in first.");
}
