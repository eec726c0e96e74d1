import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { tickerPorts } from "../lib/composition/ticker-root.ts";
import { publishAllQueueStatus } from "../lib/handoff/queue-status.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";

/**
 * Runs every minute (an EventBridge schedule on AWS, a timer locally): waiting customers hear their
 * position and a fresh estimate at a bounded interval even when nothing else happens in their queue.
 */
export async function tick(): Promise<{ pushed: number }> {
  const pushed = await publishAllQueueStatus(tickerPorts());
  if (pushed > 0) logger.info("Queue status pushed", { pushed });
  return { pushed };
}

export const handler = middy(tick)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
