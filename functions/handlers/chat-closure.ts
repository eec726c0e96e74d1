import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { type ClosureStep, closureSteps } from "../lib/chat/closure-tasks.ts";
import { chatPorts } from "../lib/composition/chat-root.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";

/** The task function of the chat-closure state machine; `step` names the state's work. */
export interface ClosureTaskEvent {
  readonly step: ClosureStep;
  readonly chatId: string;
}

export async function runClosureStep(event: ClosureTaskEvent) {
  logger.appendKeys({ chatId: event.chatId, step: event.step });
  const step = closureSteps[event.step];
  if (!step) throw new Error(`Unknown closure step "${String(event.step)}".`);
  const result = await step(chatPorts("chat-closure"), { chatId: event.chatId });
  logger.info("Closure step done");
  return result;
}

export const handler = middy(runClosureStep)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
