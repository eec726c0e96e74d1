import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Needs } from "../kernel/ports.ts";
import { commitAndWake } from "../kernel/wake-workflow.ts";
import { metrics } from "../metrics.ts";
import { recordAbandoned } from "../queueing/index.ts";
import { type DispatchPorts, dispatch } from "./dispatcher.ts";
import { publishQueueStatus } from "./queue-status.ts";
import { servedQueues } from "./served-queues.ts";
import { updateStatsQuietly } from "./stats.ts";

export type AbandonPorts = DispatchPorts & Needs<"agents" | "queues" | "supervision">;

/**
 * A customer leaves while queued: the entry goes, an agent holding an offer gets the slot back and
 * is told, the waiting workflow ends, and the queue's abandonment statistics learn from it.
 */
export async function abandonQueue(deps: AbandonPorts, chat: ChatRecord): Promise<void> {
  const ref = chat.state === "queued" ? chat.queue : undefined;
  if (!ref) return;
  const removed = await retryOnConflict(
    async () => {
      const entry = await deps.queues.get(ref.queueId, ref.sk);
      if (!entry) return undefined;
      const agent = entry.offeredTo ? await deps.agents.get(entry.offeredTo) : undefined;
      const items = [deps.queues.deleteItem(entry, entry.offeredTo)];
      if (agent) items.push(deps.agents.releaseSlotItem(agent));
      // Whichever wait the workflow is in, it ends; the other token is stale and its signal is ignored.
      const done = await commitAndWake(deps, chat.chatId, items, ["answerToken", "waitToken"], {
        outcome: "abandoned",
      });
      return done ? { entry, agent } : RETRY;
    },
    { operation: "abandonQueue" },
  );
  if (!removed) return;
  metrics.addMetric("Abandoned", "Count", 1);
  const { entry, agent } = removed;
  if (agent) {
    await deps.sender.sendToUser(agent.agentId, [
      { type: "offerWithdrawn", chatId: chat.chatId, reason: "abandoned" },
    ]);
    await dispatch(deps, servedQueues(deps.routing, agent.queues));
  }
  await updateStatsQuietly(deps, entry.queueId, (stats) =>
    recordAbandoned(stats, (Date.now() - Date.parse(entry.enqueuedAt)) / 1000, new Date()),
  );
  await afterCommit("countAbandoned", () => deps.supervision.count(entry.queueId, { abandoned: 1 }));
  await publishQueueStatus(deps, entry.queueId);
}
