import { fixed } from "../stats.ts";
import { type LevelResult, sustained } from "./level.ts";

export interface LoadReport {
  readonly measuredAt: string;
  readonly node: string;
  /** os.loadavg() before and after: the machine is shared, so the figures say how busy it was. */
  readonly loadAverage: { readonly before: number[]; readonly after: number[] };
  readonly cores: number;
  readonly p99BoundMs: number;
  readonly paceMs: number;
  readonly seconds: number;
  readonly actionLimits: { concurrency: number; queue: number; maxWaitMs: number };
  readonly levels: readonly (LevelResult & { readonly sustained: boolean })[];
  /** The highest level sustained, if any. */
  readonly sustained?: { readonly chats: number; readonly deliveredPerSecond: number; readonly p99: number };
}

const codes = (errors: Readonly<Record<string, number>>) =>
  Object.entries(errors)
    .map(([code, count]) => `${code} ${count}`)
    .join(", ") || "none";

/** The table `npm run load` prints. */
export function formatLoadReport(report: LoadReport): string {
  const header = [
    "chats",
    "convs",
    "offered/s",
    "delivered/s",
    "acked",
    "lost",
    "unans.",
    "dup",
    "reord",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "burst p50/p99 ms",
    "ok",
  ];
  const widths = header.map((title) => Math.max(title.length, 7));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padStart(widths[index] ?? 7)).join(" ");
  const rows = report.levels.map((level) =>
    line([
      String(level.chats),
      String(level.conversations),
      fixed(level.offeredPerSecond, 1),
      fixed(level.deliveredPerSecond, 1),
      String(level.acked),
      String(level.lost),
      String(level.unanswered),
      String(level.duplicated),
      String(level.reordered),
      fixed(level.latency.p50, 0),
      fixed(level.latency.p95, 0),
      fixed(level.latency.p99, 0),
      `${fixed(level.burst.p50, 0)}/${fixed(level.burst.p99, 0)}`,
      level.sustained ? "yes" : "no",
    ]),
  );
  const errors = report.levels.map(
    (level) =>
      `  ${String(level.chats).padStart(5)} chats: sends ${codes(level.errors)}; other ${codes(level.requestErrors)}`,
  );
  const best = report.sustained
    ? `largest load sustained: ${report.sustained.chats} concurrent chats, ${fixed(report.sustained.deliveredPerSecond, 1)} msg/s delivered, p99 ${fixed(report.sustained.p99, 0)} ms (bound ${report.p99BoundMs} ms), nothing lost, duplicated or reordered`
    : `no level was sustained (zero lost, duplicated, reordered and p99 ≤ ${report.p99BoundMs} ms)`;
  return [
    "",
    `carechat load — whole chats on the local runtime (${report.cores} cores, Node ${report.node}, load average ${report.loadAverage.before.map((v) => fixed(v)).join(" ")} before, ${report.loadAverage.after.map((v) => fixed(v)).join(" ")} after)`,
    `  each level: ${report.seconds} s of conversations at a person's pace (${report.paceMs} ms between one person's messages); actions limited to ${report.actionLimits.concurrency} at once + ${report.actionLimits.queue} waiting ≤ ${report.actionLimits.maxWaitMs} ms`,
    `  lost = acked but not received by a participant owed it, or unanswered (neither ack nor error in 10 s); delivery = send → another participant's SDK event`,
    "",
    line(header),
    ...rows,
    "",
    "  errors by code (send attempts; other requests as action:CODE):",
    ...errors,
    "",
    `  ${best}`,
    "",
  ].join("\n");
}

export const withVerdicts = (levels: readonly LevelResult[], p99BoundMs: number) =>
  levels.map((level) => ({ ...level, sustained: sustained(level, p99BoundMs) }));
