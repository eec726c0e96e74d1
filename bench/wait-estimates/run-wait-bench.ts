import { mkdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  classicEwt,
  estimateWaitSeconds,
  formatWait,
  lastToEnterService,
  naiveEstimate,
  slotAwareNaive,
} from "../../functions/lib/queueing/index.ts";
import { type ScoreReport, scoreEstimators } from "./score.ts";
import { SHARED_SCENARIOS } from "./shared-scenarios.ts";
import { simulateShared } from "./shared-simulation.ts";
import type { EstimatorScore, NamedEstimator, ScenarioScore, SimulationResult } from "./simulation-types.ts";

/**
 * The wait-estimate part of `npm run bench`: each estimator's predicted remaining wait against the
 * wait that actually followed, on two simulations built on different assumptions (simulation.ts and
 * shared-simulation.ts). The estimator was calibrated on seeds 1-5 of the first; the figures are for
 * seeds 101-105, which it never saw. Prints MAE, mean signed error and the share within ±30 s per
 * scenario, and writes them to .carechat-bench/wait-estimates.json.
 */
export const HELD_OUT_SEEDS = [101, 102, 103, 104, 105] as const;

export const ESTIMATORS: readonly NamedEstimator[] = [
  { name: "ours", estimate: estimateWaitSeconds },
  { name: "naive", estimate: naiveEstimate },
  { name: "slot-aware", estimate: slotAwareNaive },
  { name: "classic", estimate: classicEwt },
  { name: "LES", estimate: lastToEnterService },
];

// Next to the local runtime's data, git-ignored: figures are printed; the JSON is for tools.
const RESULTS = new URL("../../.carechat-bench/wait-estimates.json", import.meta.url);

const clock = (seconds: number) => {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};

const quote = (estimate: number | null | undefined) => `"${formatWait(estimate ?? null, "en")}"`;

const cell = (score: EstimatorScore | undefined) =>
  score === undefined
    ? "".padStart(19)
    : `${score.maeSeconds.toFixed(0).padStart(6)} ${score.biasSeconds.toFixed(0).padStart(5)} ${`${(score.within30Share * 100).toFixed(0)}%`.padStart(5)} `;

function table(title: string, report: ScoreReport): string[] {
  const header = ESTIMATORS.map((estimator) => estimator.name.padStart(18)).join(" ");
  const row = (score: ScenarioScore) =>
    `${score.scenario.padEnd(20)}${String(score.scored).padStart(7)}  ${score.estimators.map(cell).join(" ")}`;
  return [
    title,
    `${"scenario".padEnd(20)}${"scored".padStart(7)}  ${header}`,
    `${"".padEnd(29)}${ESTIMATORS.map(() => "   MAE  bias  ±30s ").join(" ")}`,
    ...report.scenarios.map(row),
    row(report.overall),
  ];
}

/** The baseline with the lowest overall MAE: the bar ours must clear. */
function strongestBaseline(score: ScenarioScore): EstimatorScore | undefined {
  return score.estimators
    .slice(1)
    .reduce<EstimatorScore | undefined>(
      (best, next) => (best === undefined || next.maeSeconds < best.maeSeconds ? next : best),
      undefined,
    );
}

function headline(name: string, report: ScoreReport): string {
  const ours = report.overall.estimators[0];
  const best = strongestBaseline(report.overall);
  if (!ours || !best) return `${name}: no scored predictions`;
  const gain = (1 - ours.maeSeconds / best.maeSeconds) * 100;
  const worse = report.scenarios.filter((scenario) => {
    const bar = strongestBaseline(scenario);
    const own = scenario.estimators[0];
    return bar !== undefined && own !== undefined && own.maeSeconds > bar.maeSeconds;
  });
  return (
    `${name}: ours MAE ${ours.maeSeconds.toFixed(1)} s, bias ${ours.biasSeconds.toFixed(1)} s; strongest baseline ${best.name} ` +
    `${best.maeSeconds.toFixed(1)} s: ours ${gain >= 0 ? `${gain.toFixed(1)}% below` : `${(-gain).toFixed(1)}% above`} it; ` +
    `worse than the scenario's strongest baseline in ${worse.length === 0 ? "no scenario" : worse.map((s) => s.scenario).join(", ")}`
  );
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
    (prediction) => prediction.customer === chosen.customer && prediction.waitedSeconds % 60 === 0,
  );
  return [
    `One customer's view (${run?.scenario}, seed ${run?.seed}), every minute until answered after ${clock(chosen.actualSeconds ?? 0)}:`,
    `  waited  position  actual left  ${ESTIMATORS.map((estimator) => estimator.name.padEnd(21)).join("  ")}`,
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

/** Both simulations' overall rows pooled, weighted by their scored predictions. */
function pooled(reports: readonly ScoreReport[]): ScenarioScore {
  const rows = reports.map((report) => report.overall);
  const scored = rows.reduce((sum, row) => sum + row.scored, 0);
  const weighted = (index: number, field: "maeSeconds" | "biasSeconds" | "within30Share") =>
    rows.reduce((sum, row) => sum + (row.estimators[index]?.[field] ?? 0) * row.scored, 0) /
    Math.max(1, scored);
  return {
    scenario: "both simulations",
    arrivals: rows.reduce((sum, row) => sum + row.arrivals, 0),
    abandoned: rows.reduce((sum, row) => sum + row.abandoned, 0),
    scored,
    abandonedPredictions: rows.reduce((sum, row) => sum + row.abandonedPredictions, 0),
    estimators: ESTIMATORS.map((estimator, index) => ({
      name: estimator.name,
      maeSeconds: weighted(index, "maeSeconds"),
      biasSeconds: weighted(index, "biasSeconds"),
      within30Share: weighted(index, "within30Share"),
      nulls: rows.reduce((sum, row) => sum + (row.estimators[index]?.nulls ?? 0), 0),
    })),
  };
}

const summary = (report: ScoreReport) => ({
  scenarios: report.scenarios,
  overall: report.overall,
  strongestBaseline: strongestBaseline(report.overall)?.name,
});

export async function runWaitEstimateBench(): Promise<string> {
  const first = scoreEstimators({ seeds: HELD_OUT_SEEDS, estimators: ESTIMATORS });
  const second = scoreEstimators({
    seeds: HELD_OUT_SEEDS,
    estimators: ESTIMATORS,
    scenarios: SHARED_SCENARIOS,
    run: simulateShared,
  });
  const both = pooled([first, second]);
  mkdirSync(new URL(".", RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ seeds: HELD_OUT_SEEDS, first: summary(first), second: summary(second), both }, null, 2)}\n`,
  );
  const firstRun = first.runs.find((run) => run.scenario === "busy hour");
  return [
    `Wait estimates: predicted remaining wait against the actual one, seconds; seeds ${HELD_OUT_SEEDS.join(", ")} (held out).`,
    "Per estimator: MAE, mean signed error (+ = pessimistic) and the share of predictions within ±30 s.",
    "",
    ...table("Simulation 1 (lognormal patience, equal agents, fixed share of slots to other queues):", first),
    "",
    ...table(
      "Simulation 2 (Weibull patience, uneven agent speeds, lunches and wind-down, a second queue with its own customers):",
      second,
    ),
    "",
    headline("Simulation 1", first),
    headline("Simulation 2", second),
    headline("Both simulations", { scenarios: [first.overall, second.overall], overall: both, runs: [] }),
    "Scored: predictions (on arrival and every 30 s of waiting) for customers later answered, where every estimator",
    "gave a number. Predictions for customers who abandoned are not scored. The first simulated hour is a warm-up.",
    "",
    ...journey(firstRun),
  ]
    .map((line) => line.trimEnd())
    .join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void runWaitEstimateBench().then((text) => console.log(text));
}
