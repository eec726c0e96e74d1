import { writeChatSummary } from "../assistant/write-summary.ts";
import { newCaseNumber } from "../cases/case-number.ts";
import { settleChatCase } from "../cases/settle-chat-case.ts";
import { releaseSeats } from "../conference/release-seats.ts";
import { NotFoundError } from "../errors.ts";
import { type ReleaseAgentPorts, releaseAgent } from "../handoff/release-agent.ts";
import type { Needs } from "../kernel/ports.ts";
import { knownContactNumber } from "../routing/contact-numbers.ts";
import { applyRetention } from "./apply-retention.ts";

/**
 * The steps of the chat-closure workflow. Each is idempotent, because Step Functions retries a
 * failed task and an Express workflow may run a step more than once.
 */
export interface ClosureInput {
  readonly chatId: string;
}

export type ClosurePorts = ReleaseAgentPorts & Needs<"closures" | "connections">;

const CASE_NUMBER_DRAWS = 5;

export async function assignCaseNumber(deps: Needs<"chats" | "closures">, { chatId }: ClosureInput) {
  // Not a conflict loop: a drawn number already taken by another chat is simply drawn again.
  for (let draw = 0; draw < CASE_NUMBER_DRAWS; draw += 1) {
    const chat = await deps.chats.get(chatId);
    if (!chat) throw new NotFoundError(`Chat ${chatId} does not exist.`);
    if (chat.caseNumber) return { caseNumber: chat.caseNumber };
    const caseNumber = newCaseNumber();
    if (await deps.closures.assignCaseNumber(chatId, caseNumber)) return { caseNumber };
  }
  throw new Error("Could not draw a free case number.");
}

export async function writeSummary(
  deps: Needs<"chats" | "closures" | "routing" | "cases" | "events">,
  { chatId }: ClosureInput,
) {
  const [chat, messages] = await Promise.all([deps.chats.get(chatId), deps.chats.listAllMessages(chatId)]);
  if (!chat?.caseNumber) throw new NotFoundError(`Chat ${chatId} has no case number yet.`);
  const summary = writeChatSummary(
    {
      topic: chat.assistant.topic,
      details: {
        ...chat.assistant.details,
        cardLast4: chat.assistant.details.cardLast4 ?? chat.customer.accountLast4,
      },
      language: chat.assistant.language,
      country: chat.customer.country,
      messages: messages.map((message) => ({ role: message.from.role, text: message.text })),
      caseNumber: chat.caseNumber,
      agentJoined: messages.some(
        (message) => message.from.role === "agent" || message.from.role === "supervisor",
      ),
    },
    { known: (country) => knownContactNumber(deps.routing, country) },
  );
  await deps.closures.complete(chatId, summary);
  // The chat's own case follows its end (once, however often this step runs).
  await settleChatCase(deps, { ...chat, endedAt: chat.endedAt ?? new Date().toISOString() });
  return { summaryLength: summary.length };
}

export async function notifyParticipants(
  deps: Needs<"chats" | "sender" | "connections">,
  { chatId }: ClosureInput,
) {
  const { chat, subscriptions } = await deps.chats.loadWithSubscribers(chatId);
  if (!chat?.caseNumber || chat.summary === undefined)
    throw new NotFoundError(`Chat ${chatId} is not closed yet.`);
  await deps.sender.broadcast(
    subscriptions,
    [{ type: "chatEnded", chatId, caseNumber: chat.caseNumber, summary: chat.summary }],
    { chatId },
  );
  await Promise.all(
    subscriptions.map((subscription) => deps.connections.unsubscribe(subscription.connectionId, [chatId])),
  );
  return { notified: subscriptions.length };
}

/** Gives the agents' slots back (and learns the handle time) once the chat has ended. */
export async function releaseAgents(deps: ReleaseAgentPorts, { chatId }: ClosureInput) {
  const chat = await deps.chats.get(chatId);
  if (!chat) throw new NotFoundError(`Chat ${chatId} does not exist.`);
  await releaseAgent(deps, chat);
  // Invitees of a conference hold slots of their own.
  const seats = await releaseSeats(deps, chat);
  return { released: chat.agentId !== undefined, seats };
}

/**
 * The last step, after both branches: the chat leaves the CLOSING list once it is ended and holds no
 * agent. Should a branch have failed, the chat stays listed and the reconciler restarts the closure.
 */
export async function finishClosure(deps: Needs<"closures">, { chatId }: ClosureInput) {
  if (!(await deps.closures.finish(chatId))) throw new Error(`Chat ${chatId} is not fully closed yet.`);
  return { finished: true };
}

export const closureSteps = {
  assignCaseNumber,
  writeSummary,
  applyRetention,
  notifyParticipants,
  releaseAgents,
  finishClosure,
} as const;
export type ClosureStep = keyof typeof closureSteps;
