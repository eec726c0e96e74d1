import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { chatPorts } from "../lib/composition/chat-root.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";
import { chatIdOf, type HandoffTaskEvent, handoffSteps } from "../lib/steps/handoff-steps.ts";

export type { HandoffTaskEvent };

/** The task function of the handoff state machine (state-machines/chat-handoff.asl.json); `step` names the work. */
export async function runHandoffStep(event: HandoffTaskEvent): Promise<unknown> {
  logger.appendKeys({ chatId: chatIdOf(event), step: event.step });
  const step = handoffSteps[event.step] as
    | ((deps: unknown, event: HandoffTaskEvent) => Promise<unknown>)
    | undefined;
  if (!step) throw new Error(`Unknown handoff step "${String(event.step)}".`);
  return step(chatPorts("chat-handoff"), event);
}

export const handler = middy(runHandoffStep)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
