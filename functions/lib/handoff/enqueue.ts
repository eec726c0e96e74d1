import type { OfferContext, QueueEntry } from "../data/agent-records.ts";
import { clampPriority, queueEntrySk } from "../data/keys.ts";
import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { openIndex } from "../data/watch-index.ts";
import { NotFoundError } from "../errors.ts";
import { learnedContext } from "../kernel/offer-context.ts";
import type { Needs } from "../kernel/ports.ts";
import { postChatMessage } from "../kernel/post-chat-message.ts";
import { wordingFor } from "../language/wording/index.ts";
import { logger } from "../logger.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { findQueue } from "../routing/find-queue.ts";
import { isOpen } from "../routing/hours.ts";
import type { HandoffInput } from "../workflows/handoff-workflow.ts";
import { type DispatchPorts, dispatch } from "./dispatcher.ts";
import { entryRules, routeHandoff } from "./entry-rules.ts";
import { picture, publishQueueStatus } from "./queue-status.ts";
import { queueTimers, type WaitTimers } from "./queue-timers.ts";
import { servedQueues } from "./served-queues.ts";

/** A transferred or escalated chat is not sent to the back of the line it joins. */
const TRANSFER_PRIORITY_BOOST = 50;

export type EnqueuePorts = DispatchPorts & Needs<"connections">;

export type EnqueueResult =
  | ({ status: "queued"; queueId: string; sk: string } & WaitTimers)
  | { status: "closed"; queueId: string }
  | { status: "skipped"; chatState: string };

/**
 * The first task of the handoff workflow: route the chat, and in one transaction put it in the queue
 * and move the chat to `queued` (for a transfer, also take it from the agent and give back the
 * agent's slot). Only then is the customer told, so a transfer that failed is never announced.
 */
export async function enqueue(deps: EnqueuePorts, input: HandoffInput): Promise<EnqueueResult> {
  const chat = await deps.chats.get(input.chatId);
  if (!chat) throw new NotFoundError(`Chat ${input.chatId} does not exist.`);
  const transfer = input.reason === "transfer" || input.reason === "escalation";
  // A retry of this very step after its commit (it failed later): carry on from the committed entry.
  const own = await ownCommittedEntry(deps, chat, input);
  if (own) return announce(deps, chat, own, input, transfer);
  const expectedState = transfer ? "assigned" : "assistant";
  if (chat.state !== expectedState) return { status: "skipped", chatState: chat.state };

  const decision = routeHandoff(deps, chat, input);
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
    ...entryRules(deps, chat, input, queue, now),
  };
  if (!(await commit(deps, chat, entry, input))) return { status: "skipped", chatState: "changed" };
  logger.info("Chat queued", { chatId: chat.chatId, queueId, reason: decision.reason, transfer });
  return announce(deps, chat, entry, input, transfer);
}

/** The entry this handoff committed, if the chat is queued by it (the handoff number matches). */
async function ownCommittedEntry(deps: EnqueuePorts, chat: ChatRecord, input: HandoffInput) {
  const ref = chat.state === "queued" ? chat.queue : undefined;
  if (!ref || input.handoff === undefined) return undefined;
  if (ref.handoff !== input.handoff && !input.resume) return undefined;
  return deps.queues.get(ref.queueId, ref.sk);
}

/** After the commit: hand over (transfer), offer, and tell the customer where they stand. */
async function announce(
  deps: EnqueuePorts,
  chat: ChatRecord,
  entry: QueueEntry,
  input: HandoffInput,
  transfer: boolean,
): Promise<EnqueueResult> {
  const { queueId } = entry;
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
  return {
    status: "queued",
    queueId,
    sk: entry.sk,
    ...queueTimers(deps, queueId, entry.queuedAt, entry.remindAt),
  };
}

/** Puts the entry and moves the chat in one transaction; false if the chat moved on meanwhile. */
function commit(deps: EnqueuePorts, chat: ChatRecord, entry: QueueEntry, input: HandoffInput) {
  return retryOnConflict(
    async () => {
      const items = [
        deps.queues.putItem(entry),
        deps.chats.updateItem(chat.chatId, {
          set: [
            ["state", "queued"],
            ["queue", { queueId: entry.queueId, sk: entry.sk, handoff: input.handoff }],
            ...(entry.handedOffBy ? [["handedOffBy", entry.handedOffBy] as const] : []),
            // A transferred chat leaves its agent's HELD list for the OPEN one.
            ...(input.fromAgentId ? openIndex(chat.chatId, entry.queuedAt) : []),
          ],
          remove: input.fromAgentId
            ? ["agentId", "assignedFrom", ["participants", input.fromAgentId]]
            : // The team the customer asked for is taken by this handoff.
              ["handoffWanted", ["assistant", "requestedTeam"]],
          fromStates: [input.fromAgentId ? "assigned" : "assistant"],
          expectAgent: input.fromAgentId,
        }),
      ];
      if (input.fromAgentId) {
        const agent = await deps.agents.get(input.fromAgentId);
        if (agent) items.push(deps.agents.releaseSlotItem(agent));
      }
      if (await deps.transactions.commit(items)) return true;
      const current = await deps.chats.get(chat.chatId);
      return current?.state === chat.state ? RETRY : false;
    },
    { operation: "enqueue" },
  );
}

async function handOver(deps: EnqueuePorts, chat: ChatRecord, input: HandoffInput, queueId: string) {
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
  await postChatMessage(
    deps,
    chat.chatId,
    wordingFor(chat.assistant.language).handoff.transferring(queueName),
  );
  if (input.fromAgentId) {
    const agent = await deps.agents.get(input.fromAgentId);
    if (agent) await dispatch(deps, servedQueues(deps.routing, agent.queues));
  }
}

function offerContext(chat: ChatRecord, input: HandoffInput): OfferContext {
  return {
    ...learnedContext(chat),
    // The note travels on the chat, not in the workflow's input: executions keep their input for 90 days.
    note: input.reason === "request" ? undefined : chat.handoffNote || undefined,
    reason: input.reason,
    transferredFrom: input.fromAgentId,
    ...(chat.verification
      ? { verification: { outcome: chat.verification.outcome, at: chat.verification.at } }
      : {}),
    caseNumber: chat.caseNumber,
  };
}
