import { RetryBudgetExhausted } from "../data/retry-on-conflict.ts";
import type { Needs } from "../kernel/ports.ts";
import type { QueueStats } from "../queueing/wait-types.ts";

/**
 * Statistics only tune wait estimates: a statistics update that keeps losing races is logged and
 * counted by retryOnConflict and then let go, rather than failing the customer's or agent's action.
 */
export async function updateStatsQuietly(
  deps: Needs<"queues">,
  queueId: string,
  update: (stats: QueueStats) => QueueStats,
): Promise<void> {
  try {
    await deps.queues.updateStats(queueId, update);
  } catch (error) {
    if (!(error instanceof RetryBudgetExhausted)) throw error;
  }
}
