import { setTimeout as sleep } from "node:timers/promises";
import { ConflictError } from "../errors.ts";
import { logger } from "../logger.ts";
import { metrics } from "../metrics.ts";

/** What an attempt returns to ask for another try: its items changed under it (a lost race). */
export const RETRY: unique symbol = Symbol("retry");
export type Attempt<T> = (attempt: number) => Promise<T | typeof RETRY>;

export interface RetryOptions {
  /** Names the operation in the log line and the metric when it gives up. */
  readonly operation: string;
  /** How long to keep trying before giving up. */
  readonly budgetMs?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

// Well inside API Gateway's 29 s integration timeout, and long enough for a burst of 20 senders on a slow table.
const DEFAULTS = { budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 250 } as const;

/** Raised when an operation kept losing races for its whole time budget. The client sees CONFLICT. */
export class RetryBudgetExhausted extends ConflictError {
  constructor(
    readonly operation: string,
    readonly attempts: number,
  ) {
    super("The chat is too busy right now; please try again.");
  }
}

/**
 * Runs `attempt` until it returns something other than RETRY, sleeping between tries with full-jitter
 * exponential backoff (a random delay up to base·2ⁿ, capped), so racers spread out instead of
 * colliding again in lockstep. Gives up once the time budget is spent: logs it, counts it
 * (`ConflictGiveUps`) and throws RetryBudgetExhausted. Errors thrown by `attempt` pass straight through.
 */
export async function retryOnConflict<T>(attempt: Attempt<T>, options: RetryOptions): Promise<T> {
  const budgetMs = options.budgetMs ?? DEFAULTS.budgetMs;
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const deadline = Date.now() + budgetMs;
  for (let tries = 0; ; tries += 1) {
    const result = await attempt(tries);
    if (result !== RETRY) return result;
    metrics.addMetric("Conflicts", "Count", 1);
    const delay = Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** tries);
    if (Date.now() + delay >= deadline) {
      logger.warn("Gave up after conflicts", { operation: options.operation, attempts: tries + 1 });
      metrics.addMetric("ConflictGiveUps", "Count", 1);
      throw new RetryBudgetExhausted(options.operation, tries + 1);
    }
    await sleep(delay);
  }
}
