import type { VerificationLock } from "../data/secure-step-records.ts";
import type { VerificationOutcome } from "../protocol/server-frames.ts";

/**
 * The rules of in-session verification, as pure functions of a customer's lock state and the clock.
 *
 * Failures are counted per customer, across chats, within a window: a fraudster cannot earn new
 * guesses by opening a new chat or waiting for a new agent. The third failure within the window
 * locks verification for the lock period; while locked, attempts are answered `locked` without
 * comparing anything, so at most three guesses reach the comparison per window. A success resets the
 * count.
 */
export const MAX_FAILURES = 3;
export const FAILURE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const LOCK_MS = 24 * 60 * 60 * 1000;

export interface AttemptDecision {
  readonly outcome: VerificationOutcome;
  /** The lock state to store; undefined when it is to be deleted (after a success). */
  readonly next: VerificationLock | undefined;
}

/** Whether the customer is locked out now (then no comparison may run). */
export function isLocked(lock: VerificationLock | undefined, now: Date): boolean {
  return lock?.lockedUntil !== undefined && Date.parse(lock.lockedUntil) > now.getTime();
}

/** The failures that still count at `now`: an expired window or an expired lock counts for nothing. */
function liveFailures(lock: VerificationLock | undefined, now: Date): VerificationLock | undefined {
  if (!lock) return undefined;
  if (lock.lockedUntil !== undefined) return isLocked(lock, now) ? lock : undefined;
  return Date.parse(lock.windowStartedAt) + FAILURE_WINDOW_MS > now.getTime() ? lock : undefined;
}

/** What one attempt leads to, given whether the answers matched. Call only when not `isLocked`. */
export function decideAttempt(
  lock: VerificationLock | undefined,
  matched: boolean,
  now: Date,
): AttemptDecision {
  if (isLocked(lock, now)) return { outcome: "locked", next: lock };
  if (matched) return { outcome: "verified", next: undefined };
  const live = liveFailures(lock, now);
  const failures = (live?.failures ?? 0) + 1;
  const windowStartedAt = live?.windowStartedAt ?? now.toISOString();
  if (failures >= MAX_FAILURES)
    return {
      outcome: "locked",
      next: { failures, windowStartedAt, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() },
    };
  return { outcome: "failed", next: { failures, windowStartedAt } };
}

/** When the lock item may be deleted by TTL (epoch seconds): after its window or its lock ended. */
export function lockExpiry(lock: VerificationLock): number {
  const end = lock.lockedUntil
    ? Date.parse(lock.lockedUntil)
    : Date.parse(lock.windowStartedAt) + FAILURE_WINDOW_MS;
  return Math.ceil(end / 1000);
}
