import type { Needs } from "../kernel/ports.ts";
import { findQueue } from "../routing/find-queue.ts";

/**
 * Timers the handoff workflow waits on (TimeoutSecondsPath): seconds until the workflow wakes while no
 * agent has been offered the chat (the queue's limit, or a pending fraud reminder if that comes first;
 * see fraud-reminder.ts), and the offer timeout.
 */
export interface WaitTimers {
  readonly overflowInSeconds: number;
  readonly offerTimeoutSeconds: number;
}

/** Seconds left before the queue's limit (overflow, or else its maximum wait); at least 1. */
export function secondsToLimit(deps: Needs<"routing">, queueId: string, queuedAt: string): number {
  const queue = findQueue(deps.routing, queueId);
  const limit = queue?.overflow?.afterSeconds ?? queue?.maxWaitSeconds ?? 3_600;
  const waited = (Date.now() - Date.parse(queuedAt)) / 1000;
  return Math.max(1, Math.ceil(limit - waited));
}

export function queueTimers(
  deps: Needs<"routing">,
  queueId: string,
  queuedAt: string,
  remindAt?: string,
): WaitTimers {
  const toLimit = secondsToLimit(deps, queueId, queuedAt);
  const toReminder =
    remindAt === undefined ? toLimit : Math.max(1, Math.ceil((Date.parse(remindAt) - Date.now()) / 1000));
  return {
    overflowInSeconds: Math.min(toLimit, toReminder),
    offerTimeoutSeconds: findQueue(deps.routing, queueId)?.offerTimeoutSeconds ?? 30,
  };
}
