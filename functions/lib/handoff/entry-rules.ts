import type { QueueEntry } from "../data/agent-records.ts";
import type { ChatRecord } from "../data/records.ts";
import type { Needs } from "../kernel/ports.ts";
import { routingRequestOf } from "../kernel/routing-request.ts";
import { requestForTeam } from "../routing/requested-team.ts";
import { routeChat } from "../routing/route-chat.ts";
import type { RoutingQueue } from "../routing/routing-schema.ts";
import type { RoutingDecision } from "../routing/types.ts";
import type { HandoffInput } from "../workflows/handoff-workflow.ts";
import { handedOffBy } from "./eligibility.ts";

/**
 * Where a handoff goes. A customer's own request honours the team they asked the assistant for by name
 * (`assistant.requestedTeam`: the supervisors, a topic's specialists, the merchant or corporate desk),
 * for their country and language; an escalation goes to the supervisors; a transfer names its queue
 * (the caller uses `targetQueueId`) and keeps this decision's priority.
 */
export function routeHandoff(deps: Needs<"routing">, chat: ChatRecord, input: HandoffInput): RoutingDecision {
  const escalation = input.reason === "escalation";
  const request = routingRequestOf(chat, escalation);
  const handedOff = escalation || input.reason === "transfer";
  return routeChat(deps.routing, handedOff ? request : requestForTeam(request, chat.assistant.requestedTeam));
}

/** The parts of a new queue entry that the v2 routing rules and the fraud reminder read. */
export type EntryRules = Pick<QueueEntry, "supervisorsOnly" | "handedOffBy" | "remindAt">;

/**
 * - `supervisorsOnly`: the queue is a supervisor queue, so only supervisors are offered the chat;
 * - `handedOffBy`: every staff member who handed this chat off so far, the current one included;
 * - `remindAt`: a fraud chat whose customer has not been reminded yet is, if still waiting then.
 */
export function entryRules(
  deps: Needs<"routing">,
  chat: ChatRecord,
  input: HandoffInput,
  queue: RoutingQueue,
  enqueuedAt: string,
): EntryRules {
  const handed = handedOffBy(chat.handedOffBy, input.fromAgentId);
  const seconds = deps.routing.fraudReminderSeconds;
  const remind = chat.assistant.topic === "fraud" && seconds > 0 && chat.fraudRemindedAt === undefined;
  return {
    ...(queue.kind === "supervisor" ? { supervisorsOnly: true } : {}),
    ...(handed.length > 0 ? { handedOffBy: handed } : {}),
    ...(remind ? { remindAt: new Date(Date.parse(enqueuedAt) + seconds * 1000).toISOString() } : {}),
  };
}
