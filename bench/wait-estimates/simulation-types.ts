import type { WaitEstimator } from "../../functions/lib/queueing/wait-types.ts";

/** One agent's time at work, in simulated hours from the start of the day. */
export interface Shift {
  readonly start: number;
  readonly end: number;
  readonly maxChats: number;
  /** 1 / queues served: the other queues claim the rest of the agent's freed slots. */
  readonly share: number;
}

export interface Scenario {
  readonly name: string;
  readonly hours: number;
  /** Arrival rate at a given hour of the day, chats per minute. */
  readonly arrivalsPerMinute: (hour: number) => number;
  readonly shifts: readonly Shift[];
  /** Mean handle time of a chat handled alone, and its coefficient of variation (lognormal). */
  readonly handleMeanSeconds: number;
  readonly handleCv: number;
  /** Extra handle time per other chat the agent holds when the chat starts: juggling slows agents. */
  readonly concurrencySlowdown: number;
  /** Customer patience: lognormal with this median and log-scale spread. */
  readonly patienceMedianSeconds: number;
  readonly patienceSigma: number;
  /** Each agent goes away for a break of breakMinutes about every breakEveryHours. */
  readonly breakEveryHours: number;
  readonly breakMinutes: readonly [number, number];
}

export interface NamedEstimator {
  readonly name: string;
  readonly estimate: WaitEstimator;
}

export interface SimulationOptions {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly estimators: readonly NamedEstimator[];
  /** Simulate only the first hours of the scenario's day. */
  readonly hours?: number;
  /**
   * Predictions start after this many hours (default 1): a production queue's statistics carry over
   * from the day before, while the simulated day starts from the prior, and in its first minutes only
   * the short chats have ended, so the learned handle time is too short.
   */
  readonly warmupHours?: number;
  /** Seconds between two predictions for a customer still waiting. */
  readonly predictEverySeconds?: number;
}

/** One moment at which every estimator predicted one customer's remaining wait. */
export interface Prediction {
  readonly customer: number;
  readonly at: number;
  readonly position: number;
  readonly waitedSeconds: number;
  /** In the order of SimulationOptions.estimators; null where the estimator declined. */
  readonly estimates: readonly (number | null)[];
  /** Seconds from `at` to the answer; null when the customer abandoned instead. */
  readonly actualSeconds: number | null;
}

export interface SimulationResult {
  readonly scenario: string;
  readonly seed: number;
  readonly arrivals: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly predictions: readonly Prediction[];
}

export interface EstimatorScore {
  readonly name: string;
  /** Mean absolute error, seconds, over the scored predictions. */
  readonly maeSeconds: number;
  /** Mean signed error (estimate - actual), seconds: positive when the estimator is pessimistic. */
  readonly biasSeconds: number;
  /** Share of the scored predictions within ±30 s of the actual wait. */
  readonly within30Share: number;
  /** Predictions, of customers later answered, where this estimator gave no estimate. */
  readonly nulls: number;
}

export interface ScenarioScore {
  readonly scenario: string;
  readonly arrivals: number;
  readonly abandoned: number;
  /** Predictions of answered customers where every estimator gave a number: the MAE is over these. */
  readonly scored: number;
  /** Predictions of customers who later abandoned: no actual wait, so left out of the MAE. */
  readonly abandonedPredictions: number;
  readonly estimators: readonly EstimatorScore[];
}
