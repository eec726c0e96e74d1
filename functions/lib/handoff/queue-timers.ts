import type { HandoffDependencies } from "./handoff-dependencies.ts";

/** Longest a chat waits in a queue without overflow before the customer is offered other ways to get help. */
export const MAX_QUEUE_WAIT_SECONDS = 60 * 60;

/** Timers the handoff workflow waits on (TimeoutSecondsPath): seconds until overflow, and the offer timeout. */
export interface WaitTimers {
  readonly overflowInSeconds: number;
  readonly offerTimeoutSeconds: number;
}

export function queueTimers(deps: HandoffDependencies, queueId: string, queuedAt: string): WaitTimers {
  const queue = deps.routing.queues.find((candidate) => candidate.id === queueId);
  const limit = queue?.overflow?.afterSeconds ?? MAX_QUEUE_WAIT_SECONDS;
  const waited = (Date.now() - Date.parse(queuedAt)) / 1000;
  return {
    overflowInSeconds: Math.max(1, Math.ceil(limit - waited)),
    offerTimeoutSeconds: queue?.offerTimeoutSeconds ?? 30,
  };
}
