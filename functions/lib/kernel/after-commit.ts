import { setTimeout as sleep } from "node:timers/promises";
import { isCareChatError } from "../errors.ts";
import { logger } from "../logger.ts";
import { metrics } from "../metrics.ts";

const BUDGET_MS = 5_000;
const BASE_DELAY_MS = 50;

/**
 * Runs an effect of work that is already committed (a notice, a statistics update, a status push),
 * retrying with jittered backoff within a budget when it fails. It never throws: the caller has
 * done its work and must answer success, not INTERNAL. What still fails is logged and counted
 * (`EffectsFailed`); each such effect is one a reader can recover from (a message is replayed by
 * `resume`, statistics only tune estimates, the next status push repeats the last one).
 */
export async function afterCommit(operation: string, effect: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + BUDGET_MS;
  for (let tries = 0; ; tries += 1) {
    try {
      await effect();
      return;
    } catch (error) {
      const delay = Math.random() * BASE_DELAY_MS * 2 ** tries;
      // A refusal (a chat that ended meanwhile, say) will not change on a retry.
      if (isCareChatError(error) || Date.now() + delay >= deadline) {
        logger.warn("Effect after commit failed", {
          operation,
          error: (error as Error).name,
          tries: tries + 1,
        });
        metrics.addMetric("EffectsFailed", "Count", 1);
        return;
      }
      await sleep(delay);
    }
  }
}
