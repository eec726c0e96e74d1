export { classicEwt, lastToEnterService, naiveEstimate, slotAwareNaive } from "./baseline-estimators.ts";
export { estimateWaitSeconds } from "./estimate-wait.ts";
export { formatWait } from "./format-wait.ts";
export {
  abandonHazard,
  initialStats,
  LATE_WAIT_SECONDS,
  lateAbandonHazard,
  recordAbandoned,
  recordAnswered,
  recordHandled,
} from "./update-stats.ts";
export type { EligibleAgent, QueueStats, WaitEstimator, WaitInput } from "./wait-types.ts";
