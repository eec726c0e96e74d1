import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { actionLimits } from "../../local/admission.ts";
import { type LevelResult, runLevel } from "./level.ts";
import { formatLoadReport, type LoadReport, withVerdicts } from "./report.ts";
import { startLoadRuntime } from "./runtime.ts";

/**
 * `npm run load [-- --levels 10,25,50 --seconds 20 --pace 2000 --p99 1000 --all]`: ramps concurrent
 * whole chats against a local runtime of its own on loopback, prints a table per level and writes
 * bench/results/load.json. The ramp stops after the first level that is not sustained (unless --all).
 */
const { values } = parseArgs({
  options: {
    levels: { type: "string", default: process.env.LOAD_LEVELS ?? "10,25,50,75,100" },
    seconds: { type: "string", default: process.env.LOAD_SECONDS ?? "20" },
    pace: { type: "string", default: process.env.LOAD_PACE_MS ?? "2000" },
    p99: { type: "string", default: process.env.LOAD_P99_MS ?? "1000" },
    all: { type: "boolean", default: false },
  },
});
const levels = String(values.levels)
  .split(",")
  .map((level) => Number(level.trim()))
  .filter((level) => Number.isInteger(level) && level > 0);
const seconds = Number(values.seconds);
const paceMs = Number(values.pace);
const p99BoundMs = Number(values.p99);
if (levels.length === 0 || !(seconds > 0) || !(paceMs > 0) || !(p99BoundMs > 0))
  throw new Error("Usage: npm run load -- --levels 10,25,50 --seconds 20 --pace 2000 --p99 1000");

const before = loadavg();
const runtime = await startLoadRuntime();
const results: LevelResult[] = [];
try {
  for (const chats of levels) {
    process.stdout.write(`  level ${chats} chats ...`);
    const result = await runLevel(runtime, { chats, seconds, paceMs, agentMaxChats: 3 });
    results.push(result);
    const [verdict] = withVerdicts([result], p99BoundMs);
    process.stdout.write(
      ` ${result.acked} acked, ${result.lost} lost, p99 ${Math.round(result.latency.p99)} ms${verdict?.sustained ? "" : " (not sustained)"}\n`,
    );
    if (!verdict?.sustained && !values.all) break;
  }
} finally {
  await runtime.stop();
}
const judged = withVerdicts(results, p99BoundMs);
const best = judged.filter((level) => level.sustained).at(-1);
const report: LoadReport = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  loadAverage: { before, after: loadavg() },
  cores: availableParallelism(),
  p99BoundMs,
  paceMs,
  seconds,
  actionLimits: actionLimits(),
  levels: judged,
  sustained: best && {
    chats: best.chats,
    deliveredPerSecond: best.deliveredPerSecond,
    p99: best.latency.p99,
  },
};
const resultsDir = join(resolve(fileURLToPath(import.meta.url), "../../.."), "bench", "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "load.json"), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(formatLoadReport(report));
process.stdout.write("  figures written to bench/results/load.json\n");
