import { queueEntrySk } from "../data/keys.ts";
import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Needs } from "../kernel/ports.ts";
import { ASSISTANT, postChatMessage } from "../kernel/post-chat-message.ts";
import { wordingFor } from "../language/wording/index.ts";
import { metrics } from "../metrics.ts";
import { recordAbandoned } from "../queueing/index.ts";
import { contactNumberFor } from "../routing/contact-numbers.ts";
import { findQueue } from "../routing/find-queue.ts";
import { describeHours } from "../routing/hours.ts";
import { type DispatchPorts, dispatch } from "./dispatcher.ts";
import { publishQueueStatus } from "./queue-status.ts";
import { queueTimers, type WaitTimers } from "./queue-timers.ts";
import { releaseOffer } from "./release-offer.ts";
import { servedQueues } from "./served-queues.ts";
import { updateStatsQuietly } from "./stats.ts";

/** What the workflow's wait tasks talk to: dispatch's ports and the statistics. */
export type WaitPorts = DispatchPorts & Needs<"supervision">;

/** Where the workflow's chat waits: the output of Enqueue / Overflow, kept at `$.wait`. */
export interface WaitRef {
  readonly chatId: string;
  readonly queueId: string;
  readonly sk: string;
}

export type NextStep = { status: "waiting" } & WaitTimers & WaitRef;
export type Settled = { status: "assigned" | "abandoned" };

/**
 * AwaitOffer (.waitForTaskToken): parks the workflow until a dispatcher offers the chat. The token is
 * written first and the entry read after; whoever changes the entry writes first and reads the token
 * after. So either they see the token and wake the workflow, or this read sees their change and the
 * task answers itself: no wake-up is lost between the two.
 */
export async function awaitOffer(deps: WaitPorts, ref: WaitRef, taskToken: string): Promise<void> {
  await deps.chats.setToken(ref.chatId, "waitToken", taskToken);
  const entry = await deps.queues.get(ref.queueId, ref.sk);
  if (!entry) return deps.handoff.signal(taskToken, await settledOutcome(deps, ref.chatId));
  if (entry.state === "offered" && entry.offeredTo)
    return deps.handoff.signal(taskToken, { outcome: "offered", agentId: entry.offeredTo });
  await dispatch(deps, [ref.queueId]);
}

/** AwaitAnswer (.waitForTaskToken): parks the workflow until the offered agent accepts or declines (same protocol). */
export async function awaitAnswer(deps: WaitPorts, ref: WaitRef, taskToken: string): Promise<void> {
  await deps.chats.setToken(ref.chatId, "answerToken", taskToken);
  const entry = await deps.queues.get(ref.queueId, ref.sk);
  if (!entry) return deps.handoff.signal(taskToken, await settledOutcome(deps, ref.chatId));
  if (entry.state !== "offered" || !entry.offeredTo)
    return deps.handoff.signal(taskToken, { outcome: "declined", agentId: "" });
}

async function settledOutcome(deps: WaitPorts, chatId: string) {
  const chat = await deps.chats.get(chatId);
  return chat?.state === "assigned" && chat.agentId
    ? ({ outcome: "accepted", agentId: chat.agentId } as const)
    : ({ outcome: "abandoned" } as const);
}

/**
 * After an offer timed out or was declined: take the offer back if the agent still holds it, give
 * the agent's slot back, and offer the chat to the next eligible agent straight away.
 */
export async function expireOffer(deps: WaitPorts, ref: WaitRef): Promise<NextStep | Settled> {
  return retryOnConflict(
    async (): Promise<NextStep | Settled | typeof RETRY> => {
      const entry = await deps.queues.get(ref.queueId, ref.sk);
      if (!entry)
        return {
          status: (await settledOutcome(deps, ref.chatId)).outcome === "accepted" ? "assigned" : "abandoned",
        };
      if (entry.state === "offered" && entry.offeredTo) {
        const { released, agent } = await releaseOffer(deps, entry, entry.offeredTo);
        if (!released) return RETRY;
        await afterCommit("countOfferTimedOut", () =>
          deps.supervision.count(ref.queueId, { offersTimedOut: 1 }),
        );
        metrics.addMetric("OffersExpired", "Count", 1);
        await deps.sender.sendToUser(entry.offeredTo, [
          { type: "offerWithdrawn", chatId: entry.chatId, reason: "expired" },
        ]);
        await dispatch(
          deps,
          agent ? [...new Set([ref.queueId, ...servedQueues(deps.routing, agent.queues)])] : [ref.queueId],
        );
      } else {
        await dispatch(deps, [ref.queueId]);
      }
      return { status: "waiting", ...ref, ...queueTimers(deps, ref.queueId, entry.queuedAt, entry.remindAt) };
    },
    { operation: "expireOffer" },
  );
}

/**
 * The queue's wait limit passed with no agent: move the chat to the overflow queue, keeping its
 * original enqueue time so it lands where it would have stood had it joined that queue at the start.
 */
export async function overflow(
  deps: WaitPorts,
  ref: WaitRef,
): Promise<NextStep | Settled | ({ status: "noOverflow" } & WaitRef)> {
  const queue = findQueue(deps.routing, ref.queueId);
  const entry = await deps.queues.get(ref.queueId, ref.sk);
  if (!entry)
    return {
      status: (await settledOutcome(deps, ref.chatId)).outcome === "accepted" ? "assigned" : "abandoned",
    };
  if (entry.state === "offered")
    return { status: "waiting", ...ref, ...queueTimers(deps, ref.queueId, entry.queuedAt, entry.remindAt) };
  if (!queue?.overflow) return { status: "noOverflow", ...ref };
  const target = queue.overflow.queueId;
  const now = new Date().toISOString();
  // The customer hears about the new queue.
  const { lastPosition, lastEstimateSeconds, lastStatusAt, ...kept } = entry;
  const moved = {
    ...kept,
    queueId: target,
    sk: queueEntrySk(entry.priority, entry.enqueuedAt, entry.chatId),
    queuedAt: now,
    supervisorsOnly: findQueue(deps.routing, target)?.kind === "supervisor" || undefined,
  };
  const ok = await deps.transactions.commit([
    deps.queues.deleteItem(entry),
    deps.queues.putItem({ ...moved, state: "waiting" }),
    deps.chats.updateItem(entry.chatId, {
      set: [["queue", { queueId: target, sk: moved.sk }]],
      fromStates: ["queued"],
    }),
  ]);
  if (!ok)
    return { status: "waiting", ...ref, ...queueTimers(deps, ref.queueId, entry.queuedAt, entry.remindAt) };
  await dispatch(deps, [target]);
  await Promise.all([publishQueueStatus(deps, target), publishQueueStatus(deps, ref.queueId)]);
  return {
    status: "waiting",
    chatId: entry.chatId,
    queueId: target,
    sk: moved.sk,
    ...queueTimers(deps, target, now, entry.remindAt),
  };
}

/** The queue is closed: tell the customer the hours and the number to call; the assistant stays. */
export async function afterHours(deps: WaitPorts, input: { chatId: string; queueId: string }) {
  const chat = await deps.chats.get(input.chatId);
  if (!chat) return { told: false };
  await tellUnavailable(deps, chat, input.queueId, "closed");
  return { told: true };
}

/**
 * Tells the customer that no agent is to be had now (the queue is closed, or nobody took the chat in
 * time), with the queue's hours and the number for their country, in a frame and in the chat itself.
 */
async function tellUnavailable(
  deps: WaitPorts,
  chat: ChatRecord,
  queueId: string,
  reason: "closed" | "noAgents",
): Promise<void> {
  const language = chat.assistant.language;
  const queue = findQueue(deps.routing, queueId);
  const hours = queue ? describeHours(queue, language) : "";
  const contactNumber = contactNumberFor(deps.routing, chat.customer.country, language);
  await deps.sender.sendToUser(chat.customer.id, [
    { type: "agentUnavailable", chatId: chat.chatId, queueId, reason, hours, contactNumber },
  ]);
  const text =
    reason === "closed"
      ? wordingFor(language).handoff.closed(hours, contactNumber)
      : wordingFor(language).handoff.noAgents(contactNumber);
  await postChatMessage(deps, chat.chatId, text, ASSISTANT);
}

/** No agent took the chat within the last queue's limit: back to the assistant, with the number to call. */
export async function noAgents(deps: WaitPorts, ref: WaitRef) {
  const entry = await deps.queues.get(ref.queueId, ref.sk);
  const chat = await deps.chats.get(ref.chatId);
  if (!entry || !chat || entry.state === "offered") return { told: false };
  const ok = await deps.transactions.commit([
    deps.queues.deleteItem(entry),
    deps.chats.updateItem(ref.chatId, {
      set: [["state", "assistant"]],
      remove: ["queue"],
      fromStates: ["queued"],
    }),
  ]);
  if (!ok) return { told: false };
  await updateStatsQuietly(deps, ref.queueId, (stats) =>
    recordAbandoned(stats, (Date.now() - Date.parse(entry.enqueuedAt)) / 1000, new Date()),
  );
  await tellUnavailable(deps, chat, ref.queueId, "noAgents");
  await publishQueueStatus(deps, ref.queueId);
  return { told: true };
}

/**
 * The workflow failed after its retries: put the chat back with the assistant, the queue entry gone
 * (unless an agent holds an offer, in which case the accept still works), and tell the customer.
 */
export async function recover(deps: WaitPorts, input: { chatId: string }) {
  const chat = await deps.chats.get(input.chatId);
  if (chat?.state !== "queued" || !chat.queue) return { recovered: false };
  const entry = await deps.queues.get(chat.queue.queueId, chat.queue.sk);
  if (entry?.state === "offered") return { recovered: false };
  const items = [
    deps.chats.updateItem(chat.chatId, {
      set: [["state", "assistant"]],
      remove: ["queue"],
      fromStates: ["queued"],
    }),
  ];
  if (entry) items.push(deps.queues.deleteItem(entry));
  if (!(await deps.transactions.commit(items))) return { recovered: false };
  // Recover runs only when a handoff task failed after its retries (the ASL's Catch).
  metrics.addMetric("HandoffFailures", "Count", 1);
  await postChatMessage(deps, chat.chatId, wordingFor(chat.assistant.language).handoff.failed);
  return { recovered: true };
}
