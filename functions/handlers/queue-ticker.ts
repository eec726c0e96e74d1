import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { tickerPorts } from "../lib/composition/ticker-root.ts";
import { publishAllQueueStatus } from "../lib/handoff/queue-status.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";
import { pushSnapshotRounds, WATCH_ROUNDS_PER_MINUTE } from "../lib/supervision/watch-queues.ts";

/**
 * Runs every minute (an EventBridge schedule on AWS, a timer locally): waiting customers hear their
 * position and a fresh estimate at a bounded interval even when nothing else happens in their queue.
 */
export async function tick(event: TickEvent = {}): Promise<{ pushed: number; snapshots: number }> {
  const ports = tickerPorts();
  const [pushed, snapshots] = await Promise.all([
    publishAllQueueStatus(ports),
    // Supervisors watching the queues get a snapshot in rounds through the minute (watch-queues.ts).
    pushSnapshotRounds(ports, Math.max(1, Math.min(WATCH_ROUNDS_PER_MINUTE, event.watchRounds ?? 1))),
  ]);
  if (pushed > 0) logger.info("Queue status pushed", { pushed });
  return { pushed, snapshots };
}

/** The schedule's input: how many snapshot rounds this run pushes (8 on AWS, one a minute). */
export interface TickEvent {
  readonly watchRounds?: number;
}

export const handler = middy(tick)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
