/** A token bucket's state as stored: tokens left, and when that was true. */
export interface BucketState {
  readonly tokens: number;
  readonly at: number;
}

export interface BucketRule {
  readonly burst: number;
  readonly perSecond: number;
}

export type Take = { allowed: true; next: BucketState } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one token: the bucket refills at `perSecond` up to `burst`, so a burst is accepted at once and
 * a sustained rate above `perSecond` is refused, with how long until one token is back.
 */
export function takeToken(state: BucketState | undefined, rule: BucketRule, now = Date.now()): Take {
  const elapsed = state ? Math.max(0, now - state.at) / 1000 : 0;
  const tokens = Math.min(rule.burst, (state?.tokens ?? rule.burst) + elapsed * rule.perSecond);
  if (tokens >= 1) return { allowed: true, next: { tokens: tokens - 1, at: now } };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / rule.perSecond)) };
}
