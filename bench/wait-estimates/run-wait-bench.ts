import { pathToFileURL } from "node:url";
import {
  classicEwt,
  estimateWaitSeconds,
  formatWait,
  naiveEstimate,
} from "../../functions/lib/queueing/index.ts";
import { SCENARIOS } from "./scenarios.ts";
import { scoreEstimators } from "./score.ts";
import type { NamedEstimator, Prediction, ScenarioScore, SimulationResult } from "./simulation-types.ts";

/**
 * The wait-estimate part of `npm run bench`: mean absolute error of each estimator's predicted
 * remaining wait against the wait that actually followed, on simulated days. The estimator was
 * calibrated on seeds 1-5; the figures printed are for seeds 101-105, which it never saw.
 */
export const HELD_OUT_SEEDS = [101, 102, 103, 104, 105] as const;

export const ESTIMATORS: readonly NamedEstimator[] = [
  { name: "ours", estimate: estimateWaitSeconds },
  { name: "naive", estimate: naiveEstimate },
  { name: "classic", estimate: classicEwt },
];

const clock = (seconds: number) => {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};

const quote = (estimate: number | null | undefined) => `"${formatWait(estimate ?? null, "en")}"`;

/** The first customer of the scenario's first run who joined fifth or later in line and was answered. */
function example(run: SimulationResult | undefined): string {
  const first = run?.predictions.find(
    (prediction) =>
      prediction.waitedSeconds === 0 && prediction.position >= 5 && prediction.actualSeconds !== null,
  );
  if (!first || first.actualSeconds === null) return "";
  return `#${first.position} in line: ${quote(first.estimates[0])}, waited ${clock(first.actualSeconds)}`;
}

function row(score: ScenarioScore, run: SimulationResult | undefined): string {
  const [ours, naive, classic] = score.estimators;
  const mae = (value: number | undefined) => (value ?? Number.NaN).toFixed(1).padStart(8);
  const nulls = score.estimators.map((estimator) => estimator.nulls).join("/");
  return [
    score.scenario.padEnd(19),
    String(score.scored).padStart(7),
    mae(ours?.maeSeconds),
    mae(naive?.maeSeconds),
    mae(classic?.maeSeconds),
    nulls.padStart(9),
    `  ${example(run)}`,
  ].join("");
}

/** One customer's estimates as they waited, in the words they read, next to the truth. */
function journey(run: SimulationResult | undefined): string[] {
  const predictions = run?.predictions ?? [];
  const chosen = predictions.find(
    (prediction) =>
      prediction.waitedSeconds === 0 && prediction.position >= 8 && prediction.actualSeconds !== null,
  );
  if (!chosen) return [];
  const steps = predictions.filter(
    (prediction: Prediction) =>
      prediction.customer === chosen.customer && prediction.waitedSeconds % 60 === 0,
  );
  return [
    `One customer's view (${run?.scenario}, seed ${run?.seed}), every minute until answered after ${clock(chosen.actualSeconds ?? 0)}:`,
    "  waited  position  actual left  ours                   naive                  classic",
    ...steps.map((step) =>
      [
        `  ${clock(step.waitedSeconds).padStart(6)}`,
        String(step.position).padStart(10),
        clock(step.actualSeconds ?? 0).padStart(13),
        ...step.estimates.map((estimate) => `  ${quote(estimate).padEnd(21)}`),
      ].join(""),
    ),
  ];
}

export async function runWaitEstimateBench(): Promise<string> {
  const report = scoreEstimators({ seeds: HELD_OUT_SEEDS, estimators: ESTIMATORS });
  const firstRun = (scenario: string) => report.runs.find((run) => run.scenario === scenario);
  const abandoned = report.overall.abandonedPredictions;
  return [
    `Wait estimates: MAE of the predicted remaining wait, seconds (${SCENARIOS.length} simulated 12-hour days x seeds ${HELD_OUT_SEEDS.join(", ")}, held out)`,
    `${"scenario".padEnd(19)}${"scored".padStart(7)}${"ours".padStart(8)}${"naive".padStart(8)}${"classic".padStart(8)}${"nulls".padStart(9)}  example at arrival (ours)`,
    ...report.scenarios.map((score) => row(score, firstRun(score.scenario))),
    row(report.overall, undefined),
    `Scored: predictions (on arrival and every 30 s of waiting) for customers later answered, where all three`,
    `estimators gave a number; nulls counts the moments each declined. ${abandoned} predictions for customers who`,
    "abandoned are not scored: no actual wait followed them. The first simulated hour is a warm-up, not scored.",
    "",
    ...journey(firstRun("busy hour")),
  ]
    .map((line) => line.trimEnd())
    .join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void runWaitEstimateBench().then((table) => console.log(table));
}
