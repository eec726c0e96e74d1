import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import type { Needs } from "../kernel/ports.ts";
import { recordHandled } from "../queueing/index.ts";
import { type DispatchPorts, dispatch } from "./dispatcher.ts";
import { servedQueues } from "./served-queues.ts";
import { updateStatsQuietly } from "./stats.ts";

export type ReleaseAgentPorts = DispatchPorts & Needs<"agents" | "queues">;

/**
 * When a chat with an agent ends, the agent's slot is given back, in one transaction with removing the
 * agent from the chat, so a slot is released exactly once however often this runs. The handle time is
 * learned and the agent is offered waiting chats.
 */
export async function releaseAgent(deps: ReleaseAgentPorts, chat: ChatRecord): Promise<void> {
  const agentId = chat.agentId;
  if (!agentId) return;
  const joinedAt = chat.participants[agentId]?.joinedAt;
  const agent = await retryOnConflict(
    async () => {
      const current = await deps.agents.get(agentId);
      const letGo = deps.chats.updateItem(chat.chatId, {
        remove: ["agentId"],
        fromStates: ["closing", "ended"],
        expectAgent: agentId,
      });
      // No slot to give back (a recount already freed it): the chat still lets go of the agent, or its
      // closure could never finish.
      const slotHeld = current !== undefined && current.activeChats > 0;
      const released = await deps.transactions.commit(
        slotHeld ? [deps.agents.releaseSlotItem(current), letGo] : [letGo],
      );
      if (released) return slotHeld ? current : undefined;
      const latest = await deps.chats.get(chat.chatId);
      return latest?.agentId === agentId ? RETRY : undefined;
    },
    { operation: "releaseAgent" },
  );
  if (!agent) return;
  const queueId = chat.lastQueueId;
  if (queueId && joinedAt) {
    const handled = (Date.now() - Date.parse(joinedAt)) / 1000;
    await updateStatsQuietly(deps, queueId, (stats) => recordHandled(stats, handled, new Date()));
  }
  await dispatch(deps, servedQueues(deps.routing, agent.queues));
}
