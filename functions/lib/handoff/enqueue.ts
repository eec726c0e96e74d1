import { postChatMessage } from "../chat/system-message.ts";
import type { OfferContext, QueueEntry } from "../data/agent-records.ts";
import { clampPriority, queueEntrySk } from "../data/keys.ts";
import type { ChatRecord } from "../data/records.ts";
import { NotFoundError } from "../errors.ts";
import { logger } from "../logger.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { findQueue, isOpen, routeChat } from "../routing/index.ts";
import { dispatch } from "./dispatcher.ts";
import type { HandoffDependencies } from "./handoff-dependencies.ts";
import { handoffText } from "./handoff-text.ts";
import type { HandoffInput } from "./handoff-workflow.ts";
import { picture, publishQueueStatus } from "./queue-status.ts";
import { queueTimers, type WaitTimers } from "./queue-timers.ts";

/** A transferred or escalated chat is not sent to the back of the line it joins. */
const TRANSFER_PRIORITY_BOOST = 50;

export type EnqueueResult =
  | ({ status: "queued"; queueId: string; sk: string } & WaitTimers)
  | { status: "closed"; queueId: string }
  | { status: "skipped"; chatState: string };

/**
 * The first task of the handoff workflow: route the chat, and in one transaction put it in the queue
 * and move the chat to `queued` (for a transfer, also take it from the agent and give back the
 * agent's slot). Only then is the customer told, so a transfer that failed is never announced.
 */
export async function enqueue(deps: HandoffDependencies, input: HandoffInput): Promise<EnqueueResult> {
  const chat = await deps.chats.get(input.chatId);
  if (!chat) throw new NotFoundError(`Chat ${input.chatId} does not exist.`);
  const transfer = input.reason === "transfer" || input.reason === "escalation";
  const expectedState = transfer ? "assigned" : "assistant";
  if (chat.state !== expectedState) return { status: "skipped", chatState: chat.state };

  const decision = routeChat(deps.routing, {
    country: chat.customer.country,
    language: chat.assistant.language,
    segment: chat.customer.segment,
    topic: chat.assistant.topic,
    escalation: input.reason === "escalation",
  });
  const queueId = input.targetQueueId ?? decision.queueId;
  const queue = findQueue(deps.routing, queueId);
  if (!queue) throw new NotFoundError(`Queue ${queueId} is not configured.`);
  if (!isOpen(queue, new Date())) return { status: "closed", queueId };

  const now = new Date().toISOString();
  const priority = clampPriority(decision.priority + (transfer ? TRANSFER_PRIORITY_BOOST : 0));
  const entry: QueueEntry = {
    queueId,
    sk: queueEntrySk(priority, now, chat.chatId),
    chatId: chat.chatId,
    customerId: chat.customer.id,
    priority,
    enqueuedAt: now,
    queuedAt: now,
    language: chat.assistant.language,
    state: "waiting",
    context: offerContext(chat, input),
  };
  if (!(await commit(deps, chat, entry, input))) return { status: "skipped", chatState: "changed" };
  logger.info("Chat queued", { chatId: chat.chatId, queueId, reason: decision.reason, transfer });

  if (transfer) await handOver(deps, chat, input, queueId);
  await dispatch(deps, [queueId]);
  const [online, stats, entries] = await Promise.all([
    deps.agents.listOnline(),
    deps.queues.stats(queueId),
    deps.queues.list(queueId),
  ]);
  const position = Math.max(1, entries.findIndex((candidate) => candidate.sk === entry.sk) + 1);
  const wait = picture(deps, entry, position, online, stats);
  const queued: ServerFrame<"queued"> = {
    type: "queued",
    requestId: input.requestId,
    chatId: chat.chatId,
    queueId,
    ...wait,
  };
  await deps.sender.sendToUser(chat.customer.id, [queued]);
  await deps.queues.recordEstimate(entry, wait.position, wait.estimatedWaitSeconds);
  await publishQueueStatus(deps, queueId);
  return { status: "queued", queueId, sk: entry.sk, ...queueTimers(deps, queueId, entry.queuedAt) };
}

async function commit(deps: HandoffDependencies, chat: ChatRecord, entry: QueueEntry, input: HandoffInput) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const items = [
      deps.queues.putItem(entry),
      deps.chats.updateItem(chat.chatId, {
        set: { state: "queued", queue: { queueId: entry.queueId, sk: entry.sk } },
        remove: input.fromAgentId ? ["agentId", `participants.${input.fromAgentId}`] : [],
        fromStates: [input.fromAgentId ? "assigned" : "assistant"],
        expectAgent: input.fromAgentId,
      }),
    ];
    if (input.fromAgentId) {
      const agent = await deps.agents.get(input.fromAgentId);
      if (agent) items.push(deps.agents.releaseSlotItem(agent));
    }
    if (await deps.chats.transact(items)) return true;
    const current = await deps.chats.get(chat.chatId);
    if (current?.state !== chat.state) return false;
  }
  return false;
}

async function handOver(deps: HandoffDependencies, chat: ChatRecord, input: HandoffInput, queueId: string) {
  const { subscriptions } = await deps.chats.loadWithSubscribers(chat.chatId);
  const leaving = subscriptions.filter((subscription) => subscription.userId === input.fromAgentId);
  await Promise.all(
    leaving.map((subscription) => deps.connections.unsubscribe(subscription.connectionId, [chat.chatId])),
  );
  const reason = input.reason === "escalation" ? "escalation" : "transfer";
  await deps.sender.sendToUser(chat.customer.id, [
    { type: "transferring", chatId: chat.chatId, queueId, reason },
  ]);
  const queueName = findQueue(deps.routing, queueId)?.name ?? queueId;
  await postChatMessage(deps, chat.chatId, handoffText(chat.assistant.language).transferring(queueName));
  if (input.fromAgentId) {
    const agent = await deps.agents.get(input.fromAgentId);
    if (agent) await dispatch(deps, servedQueues(deps, agent.queues));
  }
}

export function servedQueues(deps: HandoffDependencies, queues: readonly string[]): string[] {
  return queues.includes("*") ? deps.routing.queues.map((queue) => queue.id) : [...queues];
}

function offerContext(chat: ChatRecord, input: HandoffInput): OfferContext {
  const { details } = chat.assistant;
  return {
    topic: chat.assistant.topic,
    language: chat.assistant.language,
    country: chat.customer.country,
    segment: chat.customer.segment,
    customerName: chat.customer.name,
    accountLast4: details.cardLast4 ?? chat.customer.accountLast4,
    details: {
      amount: details.amount,
      currency: details.currency,
      date: details.date,
      merchant: details.merchant,
    },
    accommodations: details.accommodations,
    note: input.note,
    reason: input.reason,
    transferredFrom: input.fromAgentId,
  };
}
