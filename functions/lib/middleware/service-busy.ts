import { RateLimitedError } from "../errors.ts";
import { metrics } from "../metrics.ts";

/** What AWS services call throttling, once the SDK's own retries have given up on it. */
const THROTTLES = new Set([
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "LimitExceededException",
]);

/** The pause a client is asked for when a service behind us throttles: long enough for its burst capacity. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * A request that failed because DynamoDB (or another service) throttled it, after the SDK's retries,
 * did nothing worth reporting as a fault of ours: the client is told `RATE_LIMITED` with a short
 * `retryAfterSeconds`, the one answer every client already retries after a wait, and it is counted
 * (`ServiceThrottled`). Anything else is returned as it was.
 */
export function asServiceBusy(error: unknown): unknown {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (!(name && THROTTLES.has(name)) && $metadata?.httpStatusCode !== 429) return error;
  metrics.addMetric("ServiceThrottled", "Count", 1);
  return new RateLimitedError(
    BUSY_RETRY_AFTER_SECONDS,
    "We are very busy right now; please try again in a moment.",
  );
}
