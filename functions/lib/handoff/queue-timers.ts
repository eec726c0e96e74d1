import type { Needs } from "../kernel/ports.ts";
import { findQueue } from "../routing/find-queue.ts";

/** Timers the handoff workflow waits on (TimeoutSecondsPath): seconds until overflow, and the offer timeout. */
export interface WaitTimers {
  readonly overflowInSeconds: number;
  readonly offerTimeoutSeconds: number;
}

export function queueTimers(deps: Needs<"routing">, queueId: string, queuedAt: string): WaitTimers {
  const queue = findQueue(deps.routing, queueId);
  const limit = queue?.overflow?.afterSeconds ?? queue?.maxWaitSeconds ?? 3_600;
  const waited = (Date.now() - Date.parse(queuedAt)) / 1000;
  return {
    overflowInSeconds: Math.max(1, Math.ceil(limit - waited)),
    offerTimeoutSeconds: queue?.offerTimeoutSeconds ?? 30,
  };
}
