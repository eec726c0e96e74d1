import { RateLimitedError } from "../errors.ts";
import { metrics } from "../metrics.ts";
import { type BucketRule, type BucketState, takeToken } from "../rate/token-bucket.ts";

/** startChat and requestAgent: a few at once, then one every 10 seconds per user. */
export const START_RULE: BucketRule = { burst: 5, perSecond: 0.1 };

const MAX_TRACKED = 10_000;
const buckets = new Map<string, BucketState>();

/**
 * The per-user rate of the workflow-starting actions (`startChat`, `requestAgent`), kept in this
 * instance's memory like the per-connection frame limit: Lambda may spread a user over instances, so
 * this is a cheap first line before any I/O; the open-chat cap is the bound that holds everywhere.
 */
export function takeStartToken(userId: string, action: string, rule: BucketRule = START_RULE): void {
  const key = `${action}:${userId}`;
  const taken = takeToken(buckets.get(key), rule);
  if (!taken.allowed) {
    metrics.addMetric("RateLimited", "Count", 1);
    throw new RateLimitedError(
      taken.retryAfterSeconds,
      "You are doing that too often; please wait a moment.",
    );
  }
  buckets.delete(key);
  buckets.set(key, taken.next);
  if (buckets.size > MAX_TRACKED) buckets.delete(buckets.keys().next().value as string);
}
