import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { handoffDependencies } from "../lib/handoff/handoff-dependencies.ts";
import { publishQueueStatus } from "../lib/handoff/queue-status.ts";
import { logger } from "../lib/logger.ts";

/**
 * Runs every minute (an EventBridge schedule on AWS, a timer locally): waiting customers hear their
 * position and a fresh estimate at a bounded interval even when nothing else happens in their queue.
 * One query per queue; no polling loop in the workflows.
 */
export async function tick(): Promise<{ pushed: number }> {
  const deps = handoffDependencies();
  const pushed = await Promise.all(deps.routing.queues.map((queue) => publishQueueStatus(deps, queue.id)));
  const total = pushed.reduce((sum, count) => sum + count, 0);
  if (total > 0) logger.info("Queue status pushed", { pushed: total });
  return { pushed: total };
}

export const handler = middy(tick).use(injectLambdaContext(logger, { resetKeys: true }));
