import { describe, expect, it } from "vitest";
import { ESTIMATORS } from "../../../bench/wait-estimates/run-wait-bench.ts";
import { SCENARIOS } from "../../../bench/wait-estimates/scenarios.ts";
import { scoreEstimators } from "../../../bench/wait-estimates/score.ts";
import { SHARED_SCENARIOS } from "../../../bench/wait-estimates/shared-scenarios.ts";
import { simulateShared } from "../../../bench/wait-estimates/shared-simulation.ts";
import { simulate } from "../../../bench/wait-estimates/simulation.ts";

const UNDERSTAFFED = SCENARIOS.find((scenario) => scenario.name === "understaffed");

describe("wait-estimate simulation", () => {
  it("scores our estimator below every baseline on a short understaffed day", () => {
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
    const [ours, ...baselines] = report.overall.estimators;
    expect(report.overall.scored).toBeGreaterThan(100);
    expect(baselines.map((baseline) => baseline.name)).toEqual(["naive", "slot-aware", "classic", "LES"]);
    for (const baseline of baselines)
      expect(ours?.maeSeconds, baseline.name).toBeLessThan(baseline.maeSeconds);
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

describe("the second wait simulation", () => {
  const [shared] = SHARED_SCENARIOS;

  it("is deterministic for a seed and differs between seeds", () => {
    // Prepare
    if (!shared) throw new Error("no scenario");
    const options = { scenario: shared, estimators: ESTIMATORS, hours: 2, warmupHours: 0.5 };

    // Act
    const first = simulateShared({ ...options, seed: 3 });
    const again = simulateShared({ ...options, seed: 3 });
    const other = simulateShared({ ...options, seed: 4 });

    // Assess
    expect(first.predictions.length).toBeGreaterThan(100);
    expect(again).toEqual(first);
    expect(other.predictions).not.toEqual(first.predictions);
  });

  it("makes customers wait longer when the shared queue is busier", () => {
    // Prepare
    if (!shared) throw new Error("no scenario");
    const busier = { ...shared, otherArrivalsPerMinute: () => 3 };
    const meanWait = (scenario: typeof shared) => {
      const run = simulateShared({ scenario, seed: 1, estimators: ESTIMATORS, hours: 3, warmupHours: 0.5 });
      const waits = run.predictions
        .filter((prediction) => prediction.waitedSeconds === 0 && prediction.actualSeconds !== null)
        .map((prediction) => prediction.actualSeconds ?? 0);
      return waits.reduce((sum, wait) => sum + wait, 0) / waits.length;
    };

    // Act
    const calm = meanWait(shared);
    const crowded = meanWait(busier);

    // Assess
    expect(crowded).toBeGreaterThan(calm * 1.5);
  });

  it("scores every estimator with MAE, bias and the share within 30 s", () => {
    // Prepare
    if (!shared) throw new Error("no scenario");

    // Act
    const report = scoreEstimators({
      seeds: [1],
      scenarios: [shared],
      estimators: ESTIMATORS,
      run: simulateShared,
      hours: 3,
      warmupHours: 0.5,
    });

    // Assess
    const [ours, ...baselines] = report.overall.estimators;
    expect(report.overall.scored).toBeGreaterThan(100);
    expect(ours?.within30Share).toBeGreaterThan(0);
    expect(ours?.within30Share).toBeLessThanOrEqual(1);
    expect(Math.abs(ours?.biasSeconds ?? Number.NaN)).toBeLessThan(ours?.maeSeconds ?? 0);
    for (const baseline of baselines)
      expect(ours?.maeSeconds, baseline.name).toBeLessThan(baseline.maeSeconds);
  });
});
