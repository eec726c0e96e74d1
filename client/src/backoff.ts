import type { BackoffOptions } from "./types.ts";

export const DEFAULT_BACKOFF = { baseMs: 500, maxMs: 30_000 } as const;

/**
 * Exponential backoff with full jitter: a delay drawn uniformly from [0, min(max, base · 2^attempt)).
 * Full jitter spreads the reconnects of many clients dropped at once (a deploy, a network blip),
 * so they do not return in waves.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random = Math.random): number {
  const baseMs = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const maxMs = options.maxMs ?? DEFAULT_BACKOFF.maxMs;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.floor(random() * ceiling);
}
