import { SCENARIOS } from "./scenarios.ts";
import { simulate } from "./simulation.ts";
import type { NamedEstimator, Scenario, ScenarioScore, SimulationResult } from "./simulation-types.ts";

/** One simulated day of a scenario: the first simulation's `simulate`, or another model's. */
export type RunDay<S> = (options: {
  scenario: S;
  seed: number;
  estimators: readonly NamedEstimator[];
  hours?: number | undefined;
  warmupHours?: number | undefined;
}) => SimulationResult;

/**
 * Scores estimators on simulated days. A prediction counts when its customer was answered (the actual
 * remaining wait is known) and every estimator gave a number, so all of them are judged on the same
 * moments; predictions for customers who abandoned are counted apart, and nulls per estimator.
 */
export interface ScoreOptions<S extends { readonly name: string } = Scenario> {
  readonly seeds: readonly number[];
  readonly estimators: readonly NamedEstimator[];
  readonly scenarios?: readonly S[];
  /** Runs one day; the first simulation when absent. */
  readonly run?: RunDay<S>;
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
  readonly within30: number[];

  constructor(private readonly estimators: readonly NamedEstimator[]) {
    this.absolute = estimators.map(() => 0);
    this.signed = estimators.map(() => 0);
    this.nulls = estimators.map(() => 0);
    this.within30 = estimators.map(() => 0);
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
        if (Math.abs(error) <= 30) this.within30[index] = (this.within30[index] ?? 0) + 1;
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
        within30Share: (this.within30[index] ?? 0) / Math.max(1, this.scored),
        nulls: this.nulls[index] ?? 0,
      })),
    };
  }
}

export function scoreEstimators<S extends { readonly name: string } = Scenario>(
  options: ScoreOptions<S>,
): ScoreReport {
  const scenarios = options.scenarios ?? (SCENARIOS as unknown as readonly S[]);
  const run = options.run ?? (simulate as unknown as RunDay<S>);
  const overall = new Tally(options.estimators);
  const runs: SimulationResult[] = [];
  const perScenario = scenarios.map((scenario) => {
    const tally = new Tally(options.estimators);
    for (const seed of options.seeds) {
      const day = run({
        scenario,
        seed,
        estimators: options.estimators,
        hours: options.hours,
        warmupHours: options.warmupHours,
      });
      tally.add(day);
      overall.add(day);
      runs.push(day);
    }
    return tally.score(scenario.name);
  });
  return { scenarios: perScenario, overall: overall.score("overall"), runs };
}
