import { SCENARIOS } from "./scenarios.ts";
import { simulate } from "./simulation.ts";
import type { NamedEstimator, Scenario, ScenarioScore, SimulationResult } from "./simulation-types.ts";

/**
 * Scores estimators on simulated days. A prediction counts when its customer was answered (the actual
 * remaining wait is known) and every estimator gave a number, so all of them are judged on the same
 * moments; predictions for customers who abandoned are counted apart, and nulls per estimator.
 */
export interface ScoreOptions {
  readonly seeds: readonly number[];
  readonly estimators: readonly NamedEstimator[];
  readonly scenarios?: readonly Scenario[];
  readonly hours?: number;
  readonly warmupHours?: number;
}

export interface ScoreReport {
  readonly scenarios: readonly ScenarioScore[];
  readonly overall: ScenarioScore;
  readonly runs: readonly SimulationResult[];
}

class Tally {
  arrivals = 0;
  abandoned = 0;
  scored = 0;
  abandonedPredictions = 0;
  readonly absolute: number[];
  readonly signed: number[];
  readonly nulls: number[];

  constructor(private readonly estimators: readonly NamedEstimator[]) {
    this.absolute = estimators.map(() => 0);
    this.signed = estimators.map(() => 0);
    this.nulls = estimators.map(() => 0);
  }

  add(run: SimulationResult): void {
    this.arrivals += run.arrivals;
    this.abandoned += run.abandoned;
    for (const prediction of run.predictions) {
      const actual = prediction.actualSeconds;
      if (actual === null) {
        this.abandonedPredictions += 1;
        continue;
      }
      prediction.estimates.forEach((estimate, index) => {
        if (estimate === null) this.nulls[index] = (this.nulls[index] ?? 0) + 1;
      });
      if (prediction.estimates.some((estimate) => estimate === null)) continue;
      this.scored += 1;
      prediction.estimates.forEach((estimate, index) => {
        const error = (estimate as number) - actual;
        this.absolute[index] = (this.absolute[index] ?? 0) + Math.abs(error);
        this.signed[index] = (this.signed[index] ?? 0) + error;
      });
    }
  }

  score(scenario: string): ScenarioScore {
    return {
      scenario,
      arrivals: this.arrivals,
      abandoned: this.abandoned,
      scored: this.scored,
      abandonedPredictions: this.abandonedPredictions,
      estimators: this.estimators.map((estimator, index) => ({
        name: estimator.name,
        maeSeconds: (this.absolute[index] ?? 0) / Math.max(1, this.scored),
        biasSeconds: (this.signed[index] ?? 0) / Math.max(1, this.scored),
        nulls: this.nulls[index] ?? 0,
      })),
    };
  }
}

export function scoreEstimators(options: ScoreOptions): ScoreReport {
  const scenarios = options.scenarios ?? SCENARIOS;
  const overall = new Tally(options.estimators);
  const runs: SimulationResult[] = [];
  const perScenario = scenarios.map((scenario) => {
    const tally = new Tally(options.estimators);
    for (const seed of options.seeds) {
      const run = simulate({
        scenario,
        seed,
        estimators: options.estimators,
        hours: options.hours,
        warmupHours: options.warmupHours,
      });
      tally.add(run);
      overall.add(run);
      runs.push(run);
    }
    return tally.score(scenario.name);
  });
  return { scenarios: perScenario, overall: overall.score("overall"), runs };
}
