import { findQueue } from "../routing/index.ts";
import type { HandoffDependencies } from "./handoff-dependencies.ts";

/** Timers the handoff workflow waits on (TimeoutSecondsPath): seconds until overflow, and the offer timeout. */
export interface WaitTimers {
  readonly overflowInSeconds: number;
  readonly offerTimeoutSeconds: number;
}

export function queueTimers(deps: HandoffDependencies, queueId: string, queuedAt: string): WaitTimers {
  const queue = findQueue(deps.routing, queueId);
  const limit = queue?.overflow?.afterSeconds ?? queue?.maxWaitSeconds ?? 3_600;
  const waited = (Date.now() - Date.parse(queuedAt)) / 1000;
  return {
    overflowInSeconds: Math.max(1, Math.ceil(limit - waited)),
    offerTimeoutSeconds: queue?.offerTimeoutSeconds ?? 30,
  };
}
