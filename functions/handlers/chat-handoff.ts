import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { chatPorts } from "../lib/composition/chat-root.ts";
import { enqueue } from "../lib/handoff/enqueue.ts";
import {
  afterHours,
  awaitAnswer,
  awaitOffer,
  expireOffer,
  noAgents,
  overflow,
  recover,
  type WaitRef,
} from "../lib/handoff/wait-tasks.ts";
import { logger } from "../lib/logger.ts";
import type { HandoffInput } from "../lib/workflows/handoff-workflow.ts";

/** The task function of the handoff state machine (state-machines/chat-handoff.asl.json); `step` names the work. */
export type HandoffTaskEvent =
  | { step: "enqueue"; input: HandoffInput }
  | { step: "awaitOffer" | "awaitAnswer"; ref: WaitRef; taskToken: string }
  | { step: "expireOffer" | "overflow" | "noAgents"; ref: WaitRef }
  | { step: "afterHours"; chatId: string; queueId: string }
  | { step: "recover"; chatId: string };

export async function runHandoffStep(event: HandoffTaskEvent): Promise<unknown> {
  const deps = chatPorts("chat-handoff");
  const chatId = "input" in event ? event.input.chatId : "ref" in event ? event.ref.chatId : event.chatId;
  logger.appendKeys({ chatId, step: event.step });
  switch (event.step) {
    case "enqueue":
      return enqueue(deps, event.input);
    case "awaitOffer":
      await awaitOffer(deps, event.ref, event.taskToken);
      return { registered: true };
    case "awaitAnswer":
      await awaitAnswer(deps, event.ref, event.taskToken);
      return { registered: true };
    case "expireOffer":
      return expireOffer(deps, event.ref);
    case "overflow":
      return overflow(deps, event.ref);
    case "noAgents":
      return noAgents(deps, event.ref);
    case "afterHours":
      return afterHours(deps, event);
    case "recover":
      return recover(deps, event);
    default:
      throw new Error(`Unknown handoff step "${String((event as { step: unknown }).step)}".`);
  }
}

export const handler = middy(runHandoffStep).use(injectLambdaContext(logger, { resetKeys: true }));
