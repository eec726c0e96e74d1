import { describe, expect, it } from "vitest";
import { ESTIMATORS } from "../../../bench/wait-estimates/run-wait-bench.ts";
import { SCENARIOS } from "../../../bench/wait-estimates/scenarios.ts";
import { scoreEstimators } from "../../../bench/wait-estimates/score.ts";
import { simulate } from "../../../bench/wait-estimates/simulation.ts";

const UNDERSTAFFED = SCENARIOS.find((scenario) => scenario.name === "understaffed");

describe("wait-estimate simulation", () => {
  it("scores our estimator below both baselines on a short understaffed day", () => {
    // Prepare
    if (!UNDERSTAFFED) throw new Error("no understaffed scenario");

    // Act
    const report = scoreEstimators({
      seeds: [1],
      scenarios: [UNDERSTAFFED],
      estimators: ESTIMATORS,
      hours: 2,
      warmupHours: 0.5,
    });

    // Assess
    const [ours, naive, classic] = report.overall.estimators.map((estimator) => estimator.maeSeconds);
    expect(report.overall.scored).toBeGreaterThan(100);
    expect(ours).toBeLessThan(naive as number);
    expect(ours).toBeLessThan(classic as number);
  });

  it("is deterministic for a seed", () => {
    // Prepare
    if (!UNDERSTAFFED) throw new Error("no understaffed scenario");
    const options = { scenario: UNDERSTAFFED, seed: 7, estimators: ESTIMATORS, hours: 2 };

    // Act
    const first = simulate(options);
    const second = simulate(options);

    // Assess
    expect(first.predictions.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it("gives a different day for a different seed", () => {
    // Prepare
    if (!UNDERSTAFFED) throw new Error("no understaffed scenario");
    const options = { scenario: UNDERSTAFFED, estimators: ESTIMATORS, hours: 1, warmupHours: 0 };

    // Act
    const one = simulate({ ...options, seed: 1 });
    const two = simulate({ ...options, seed: 2 });

    // Assess
    expect(two.predictions).not.toEqual(one.predictions);
  });
});
