import type { QueueStats } from "./wait-types.ts";

/**
 * Smoothing constants: the weight of the newest sample in each EWMA. The prior counts as one sample
 * and each statistic is a plain running mean (weight 1 / (n + 1)) until it has seen 1 / alpha
 * samples, so a new queue neither clings to the prior nor swings on its first chat.
 *
 * - Handle time, 0.05: about the last 20-40 chats. Handle times are noisy (a long tail), and how fast
 *   a queue moves changes with staffing, which the estimator reads live, not with handle time.
 * - Abandonment and waiting, 0.05: the abandonment EWMAs and the waiting-time EWMAs share the constant
 *   and the events, so their ratio is the weighted maximum-likelihood abandonment hazard of the last
 *   few dozen chats that left the queue.
 */
export const HANDLE_TIME_ALPHA = 0.05;
export const WAIT_ALPHA = 0.05;

/**
 * Where the abandonment hazard is split in two. Patience is not memoryless: few customers give up in
 * the first minutes, more later (in the simulation, and typically in chat, where people multitask),
 * so the customers ahead of someone who has waited a while abandon faster than the average suggests.
 */
export const LATE_WAIT_SECONDS = 120;

/** Priors for a queue that has seen nothing yet: a five-minute chat, one abandon per ten minutes of waiting. */
export const PRIOR_HANDLE_SECONDS = 300;
const PRIOR_ABANDON_RATE = 0.1;
const PRIOR_WAIT_SECONDS = 60;

export function initialStats(): QueueStats {
  return {
    handleTimeSeconds: PRIOR_HANDLE_SECONDS,
    abandonRate: PRIOR_ABANDON_RATE,
    meanWaitSeconds: PRIOR_WAIT_SECONDS,
    lateAbandonRate: PRIOR_ABANDON_RATE / 2,
    lateWaitSeconds: PRIOR_WAIT_SECONDS / 2,
    samples: 0,
    waitSamples: 0,
  };
}

const smooth = (current: number, sample: number, seen: number, alpha: number) =>
  current + Math.max(alpha, 1 / (seen + 2)) * (sample - current);

const nonNegative = (seconds: number) => (Number.isFinite(seconds) ? Math.max(0, seconds) : 0);

/** A chat from this queue ended after `handleSeconds` with an agent. */
export function recordHandled(stats: QueueStats, handleSeconds: number, _now: Date): QueueStats {
  return {
    ...stats,
    handleTimeSeconds: smooth(
      stats.handleTimeSeconds,
      nonNegative(handleSeconds),
      stats.samples,
      HANDLE_TIME_ALPHA,
    ),
    samples: stats.samples + 1,
  };
}

function recordDeparture(stats: QueueStats, waitedSeconds: number, abandoned: boolean): QueueStats {
  const waited = nonNegative(waitedSeconds);
  const seen = stats.waitSamples;
  const late = waited >= LATE_WAIT_SECONDS;
  return {
    ...stats,
    abandonRate: smooth(stats.abandonRate, abandoned ? 1 : 0, seen, WAIT_ALPHA),
    meanWaitSeconds: smooth(stats.meanWaitSeconds, waited, seen, WAIT_ALPHA),
    lateAbandonRate: smooth(stats.lateAbandonRate, abandoned && late ? 1 : 0, seen, WAIT_ALPHA),
    lateWaitSeconds: smooth(stats.lateWaitSeconds, Math.max(0, waited - LATE_WAIT_SECONDS), seen, WAIT_ALPHA),
    waitSamples: seen + 1,
  };
}

/** A waiting chat left the queue unanswered after `waitedSeconds`. */
export function recordAbandoned(stats: QueueStats, waitedSeconds: number, _now: Date): QueueStats {
  return recordDeparture(stats, waitedSeconds, true);
}

/** A waiting chat was answered after `waitedSeconds` (zero or near it when an agent was free). */
export function recordAnswered(stats: QueueStats, waitedSeconds: number, now: Date): QueueStats {
  return {
    ...recordDeparture(stats, waitedSeconds, false),
    lastServiceDelaySeconds: nonNegative(waitedSeconds),
    lastServiceAtMs: now.getTime(),
  };
}

/** Abandons per second of waiting over the whole wait: the maximum-likelihood exponential hazard. */
export function abandonHazard(stats: QueueStats): number {
  return stats.meanWaitSeconds > 0 ? stats.abandonRate / stats.meanWaitSeconds : 0;
}

/** The same hazard for customers who have already waited LATE_WAIT_SECONDS. */
export function lateAbandonHazard(stats: QueueStats): number {
  return stats.lateWaitSeconds > 0 ? stats.lateAbandonRate / stats.lateWaitSeconds : abandonHazard(stats);
}
