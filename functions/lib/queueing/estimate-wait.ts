import { abandonHazard, LATE_WAIT_SECONDS, lateAbandonHazard } from "./update-stats.ts";
import type { EligibleAgent, QueueStats, WaitInput } from "./wait-types.ts";

/**
 * Estimated remaining wait of a queued customer, in seconds, or null when no honest estimate exists.
 *
 * The queue is read as an Erlang-A system (many servers, impatient customers):
 * - Null when no eligible agent is available (agents with no slots or no share of this queue do not
 *   count). Away agents are signed in but take no new chats; with nobody taking chats the queue
 *   stands still until someone comes back, and nothing here can tell when that will be.
 * - The first `free` customers (one per free slot of an available agent) are offered a chat at once.
 * - Beyond them the queue moves as slots free up: every signed-in agent's slots count, weighted by the
 *   agent's share of this queue, at one chat per handle time. Away agents count too: their chats still
 *   end during a break and the freed slots are filled the moment they come back, so over any wait
 *   longer than a short break they serve as fast as the others (calibrated in the bench: counting them
 *   at half or not at all was worse overall).
 * - Customers ahead abandon at the queue's measured hazard, which shortens the wait. The customers
 *   ahead have waited at least as long as this one, so as this customer waits, the hazard moves to the
 *   one measured after LATE_WAIT_SECONDS of waiting (only ever upward: the estimate must not grow
 *   while nothing changes). This customer's own hazard counts too: the estimate is of the wait of
 *   customers who do get answered, the only ones for whom it comes true.
 * - Each step to the head is exponential, so the wait is their sum, read as a gamma with the same
 *   mean and variance. The median alone minimises the absolute error but is optimistic on average
 *   (a long tail sits above it: about 7 s too low in the bench), and customers remember a promise
 *   broken late; the mean is unbiased but further off. The estimate is the median moved
 *   MEAN_WEIGHT of the way to the mean: on the bench's calibration seeds (1-5 of both simulations)
 *   the smallest weight, in steps of 0.1, that brings every scenario's mean signed error within
 *   ±4.5 s, at a cost of 0.2-0.4 s of MAE.
 */
export function estimateWaitSeconds(input: WaitInput): number | null {
  const serving = input.agents.filter((agent) => agent.maxChats > 0 && agent.share > 0);
  const available = serving.filter((agent) => agent.status === "available");
  if (available.length === 0) return null;
  const free = available.reduce((sum, agent) => sum + Math.max(0, agent.maxChats - agent.activeChats), 0);
  const uncovered = Math.ceil(input.position) - free;
  if (uncovered <= 0) return 0;
  const serviceRate = signedInSlots(serving) / Math.max(1, finite(input.stats.handleTimeSeconds));
  const hazard = hazardAhead(input.stats, input.waitedSeconds, serviceRate);
  let mean = 0;
  let variance = 0;
  for (let step = 1; step <= uncovered; step += 1) {
    // At this step `step - 1` customers are still ahead: a slot frees up or one of them, or this
    // customer, gives up.
    const rate = serviceRate + step * hazard;
    mean += 1 / rate;
    variance += 1 / (rate * rate);
  }
  const median = gammaMedian(mean, variance);
  return median + MEAN_WEIGHT * (mean - median);
}

/** How far the estimate moves from the median of the wait towards its mean (see above). */
export const MEAN_WEIGHT = 0.6;

const finite = (value: number) => (Number.isFinite(value) ? value : 0);

function signedInSlots(agents: readonly EligibleAgent[]): number {
  return agents.reduce((sum, agent) => sum + agent.maxChats * Math.min(1, agent.share), 0);
}

/**
 * Abandonment hazard of the customers ahead, capped at the service rate so that a burst of quick
 * abandons in a young queue cannot make a long queue look instant.
 */
function hazardAhead(stats: QueueStats, waitedSeconds: number, serviceRate: number): number {
  const overall = Math.min(serviceRate, abandonHazard(stats));
  const late = Math.min(serviceRate, lateAbandonHazard(stats));
  const progress = Math.min(1, Math.max(0, finite(waitedSeconds)) / LATE_WAIT_SECONDS);
  return overall + progress * Math.max(0, late - overall);
}

/** Median of a gamma distribution with this mean and variance (Wilson-Hilferty approximation). */
function gammaMedian(mean: number, variance: number): number {
  const shape = (mean * mean) / variance;
  return mean * (1 - 1 / (9 * shape)) ** 3;
}
