import type { ChatRecord } from "../data/records.ts";
import { recordAbandoned, recordHandled } from "../queueing/index.ts";
import { dispatch } from "./dispatcher.ts";
import { servedQueues } from "./enqueue.ts";
import type { HandoffDependencies } from "./handoff-dependencies.ts";
import { publishQueueStatus } from "./queue-status.ts";

/**
 * A customer leaves while queued: the entry goes, an agent holding an offer gets the slot back and
 * is told, the waiting workflow ends, and the queue's abandonment statistics learn from it.
 */
export async function abandonQueue(deps: HandoffDependencies, chat: ChatRecord): Promise<void> {
  if (chat.state !== "queued" || !chat.queue) return;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const entry = await deps.queues.get(chat.queue.queueId, chat.queue.sk);
    if (!entry) return;
    const agent = entry.offeredTo ? await deps.agents.get(entry.offeredTo) : undefined;
    const items = [deps.queues.deleteItem(entry, entry.offeredTo)];
    if (agent) items.push(deps.agents.releaseSlotItem(agent));
    if (!(await deps.chats.transact(items))) continue;
    if (agent) {
      await deps.sender.sendToUser(agent.agentId, [
        { type: "offerWithdrawn", chatId: chat.chatId, reason: "abandoned" },
      ]);
      await dispatch(deps, servedQueues(deps, agent.queues));
    }
    // Whichever wait the workflow is in, it ends; the other token is stale and its signal is ignored.
    const current = await deps.chats.get(chat.chatId);
    await deps.handoff.signal(current?.answerToken, { outcome: "abandoned" });
    await deps.handoff.signal(current?.waitToken, { outcome: "abandoned" });
    await deps.queues.updateStats(entry.queueId, (stats) =>
      recordAbandoned(stats, (Date.now() - Date.parse(entry.enqueuedAt)) / 1000, new Date()),
    );
    await publishQueueStatus(deps, entry.queueId);
    return;
  }
}

/** When a chat with an agent ends, the agent's slot is given back and the handle time is learned. */
export async function releaseAgent(deps: HandoffDependencies, chat: ChatRecord): Promise<void> {
  if (!chat.agentId) return;
  const joinedAt = chat.participants[chat.agentId]?.joinedAt;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const agent = await deps.agents.get(chat.agentId);
    if (!agent || agent.activeChats === 0) return;
    const released = await deps.chats.transact([
      deps.agents.releaseSlotItem(agent),
      deps.chats.updateItem(chat.chatId, {
        remove: ["agentId"],
        fromStates: ["closing", "ended"],
        expectAgent: chat.agentId,
      }),
    ]);
    if (!released) {
      const current = await deps.chats.get(chat.chatId);
      if (current?.agentId !== chat.agentId) return;
      continue;
    }
    const queueId = chat.lastQueueId;
    if (queueId && joinedAt) {
      const handled = (Date.now() - Date.parse(joinedAt)) / 1000;
      await deps.queues.updateStats(queueId, (stats) => recordHandled(stats, handled, new Date()));
    }
    await dispatch(deps, servedQueues(deps, agent.queues));
    return;
  }
}
