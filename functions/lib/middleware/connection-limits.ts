import type { MiddlewareObj } from "@middy/core";
import { RateLimitedError } from "../errors.ts";
import { FRAME_BURST, FRAME_RATE_PER_SECOND } from "../protocol/limits.ts";
import { type BucketRule, type BucketState, takeToken } from "../rate/token-bucket.ts";
import type { WsContext, WsEvent, WsResult } from "./ws-types.ts";

/** Connections seen recently, with their bucket; bounded so a long-lived instance does not grow. */
const MAX_TRACKED = 10_000;
const buckets = new Map<string, BucketState>();

/**
 * Sheds a flood from one connection before any I/O: every frame takes a token from the connection's
 * bucket, kept in this instance's memory. Lambda spreads a connection's frames over instances, so the
 * bound is per instance — a cheap first line; the per-user message limit in the table is the exact one.
 */
export const connectionLimits = (
  rule: () => BucketRule = () => frameRule(process.env.CONNECTION_FRAME_LIMIT),
): MiddlewareObj<WsEvent, WsResult, Error, WsContext> => ({
  before: (request) => {
    const connectionId = request.event.requestContext.connectionId;
    const taken = takeToken(buckets.get(connectionId), rule());
    if (!taken.allowed) throw new RateLimitedError(taken.retryAfterSeconds);
    buckets.delete(connectionId);
    buckets.set(connectionId, taken.next);
    if (buckets.size > MAX_TRACKED) buckets.delete(buckets.keys().next().value as string);
  },
});

/** `"burst/perSecond"` (e.g. `"60/10"`), or the defaults of protocol/limits.ts. */
export function frameRule(setting: string | undefined): BucketRule {
  const [burst, perSecond] = (setting ?? "").split("/").map(Number);
  return burst && perSecond && burst > 0 && perSecond > 0
    ? { burst, perSecond }
    : { burst: FRAME_BURST, perSecond: FRAME_RATE_PER_SECOND };
}
