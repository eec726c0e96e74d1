import { fixed } from "../stats.ts";
import type { CapacityTally } from "./consumed-capacity.ts";
import type { ChatCost, FunctionUsage, TickerShare } from "./cost-model.ts";
import type { LoadResult, LoadShape } from "./fixed-load.ts";
import type { FrameCount } from "./frame-counter.ts";
import type { HandlerCpu } from "./handler-cpu.ts";
import type { WorkflowUsage } from "./workflows.ts";

/** The JSON document `bench/results/cost.json` holds, and what the table is printed from. */
export interface CostReport {
  readonly bench: "cost";
  readonly measuredAt: string;
  readonly commit: string | null;
  readonly node: string;
  readonly loadAverage: readonly number[];
  readonly prices: { asOf: string } & Record<string, number | string>;
  readonly assumptions: {
    nominalMinutes: number;
    connections: number;
    concurrentChats: number;
    tickerRunsPerMinute: number;
    memoryMb: number;
    architecture: string;
  };
  readonly typicalChat: {
    chatId: string;
    messages: { customer: number; agent: number };
    lambda: Record<string, FunctionUsage>;
    dynamodb: CapacityTally;
    largestItemBytes: number;
    stepFunctions: { handoff: WorkflowUsage; closure: WorkflowUsage };
    apiGateway: { frames: FrameCount; connectionMinutes: number };
    ticker: TickerShare;
    sequentialCallsPerMessage: readonly number[];
  };
  readonly cost: ChatCost;
  readonly handlerCpu: HandlerCpu;
  readonly loads: ReadonlyArray<{ shape: LoadShape; carechat: LoadResult; relay: LoadResult }>;
  readonly targets: ReadonlyArray<{ name: string; value: number; limit: number; pass: boolean }>;
  readonly pass: boolean;
}

const usd = (value: number) => `$${value.toFixed(7)}`;
const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");

export function formatReport(report: CostReport): string {
  const { typicalChat: chat, cost, assumptions: assume } = report;
  const messages = chat.messages.customer + chat.messages.agent;
  const { profiled } = report.handlerCpu;
  const lines = [
    "",
    `carechat cost per typical chat — measured ${report.measuredAt.slice(0, 10)} on the local stack (same handlers and ASL), Node ${report.node}`,
    `  the chat: ${messages} messages (${chat.messages.customer} customer, ${chat.messages.agent} agent), one handoff accepted on the first offer, ended by the customer;`,
    `  nominal ${assume.nominalMinutes} min; Lambda ${assume.memoryMb} MB ${assume.architecture} (the stack's default); ticker (rate 1/min) shared over ${assume.concurrentChats.toLocaleString("en-US")} concurrent chats (assumed)`,
    `  prices: ${report.prices.asOf}; machine load average while measuring ${report.loadAverage.map((load) => fixed(load, 1)).join(" ")} (timings read high on a busy machine)`,
    `  ${"item".padEnd(32)} ${"quantity".padEnd(30)} ${"cost".padStart(11)}  how`,
  ];
  for (const line of cost.lines)
    lines.push(
      `  ${line.service.padEnd(32)} ${line.quantity.padEnd(30)} ${usd(line.cost).padStart(11)}  ${line.source}`,
    );
  lines.push(
    `  ${"infrastructure per chat".padEnd(32)} ${"".padEnd(30)} ${usd(cost.total).padStart(11)}`,
    `  ${"Amazon Connect chat, same chat".padEnd(32)} ${`${cost.connect.messages} messages × $0.004`.padEnd(30)} ${usd(cost.connect.cost).padStart(11)}  customer and agent messages; assistant, system and typing frames not counted`,
    `  ratio: Amazon Connect's per-message charge alone is ${fixed(cost.connect.cost / cost.total, 0)}× carechat's infrastructure for this chat`,
    "",
    `  Lambda by function (invocations, billed ms): ${Object.entries(chat.lambda)
      .map(([name, usage]) => `${name} ${usage.invocations}× ${usage.billedMs} ms`)
      .join(", ")}`,
    `  ticker per run: ${fixed(chat.ticker.perTick.billedMs, 1)} ms, ${fixed(chat.ticker.perTick.readUnits, 1)} RRU, ${fixed(chat.ticker.perTick.writeUnits, 1)} WRU; ${fixed(chat.ticker.ticksPerChat, 3)} runs per chat`,
    `  DynamoDB by operation (calls, units): ${Object.entries(chat.dynamodb.calls)
      .map(
        ([name, row]) =>
          `${name} ${row.count}× ${fixed(row.units, 1)}${row.withoutCapacity ? ` (${row.withoutCapacity} without ConsumedCapacity)` : ""}`,
      )
      .join(", ")}; largest item ≈ ${chat.largestItemBytes} B`,
    `  Step Functions: handoff (Standard) ${chat.stepFunctions.handoff.stateTransitions} states entered in ${chat.stepFunctions.handoff.executions} execution(s); closure (Express) ${chat.stepFunctions.closure.executions} execution(s), ${fixed(chat.stepFunctions.closure.durationMs, 0)} ms`,
    `  frames: ${Object.entries(chat.apiGateway.frames.byKind)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ")}`,
    "",
    `  handler CPU per sendMessage: ${fixed(report.handlerCpu.cpuMsPerMessage)} ms process CPU over ${report.handlerCpu.messages} messages (${report.handlerCpu.handlerRuns} handler runs; wall ${fixed(report.handlerCpu.wallMsPerMessage)} ms);`,
    `    ${report.handlerCpu.note}`,
    `    profiled pass (${profiled.messages} messages): process CPU ${fixed(profiled.processCpuMsPerMessage)} ms per message, shared by V8 samples: handler code ${fixed(profiled.perMessageMs.handler)} ms, local gateway + clients ${fixed(profiled.perMessageMs.standIns)} ms, Node internals/GC/ws ${fixed(profiled.perMessageMs.unattributed)} ms`,
    `    handler's hottest leaf frames: ${profiled.hottest.map((leaf) => `${leaf.frame} ${fixed(leaf.share * 100, 0)}%`).join(", ")}`,
  );
  const loadRow = (name: string, result: LoadResult) =>
    `    ${name.padEnd(14)} delivered ${`${result.delivered}/${result.offered}`.padStart(9)}  refused ${String(result.refused).padStart(3)}  ${fixed(result.deliveredPerSecond, 1).padStart(6)} msg/s  p50 ${fixed(result.p50Ms).padStart(8)} ms  p99 ${fixed(result.p99Ms).padStart(8)} ms`;
  lines.push("  delivery at a fixed offered load (open loop; latency from send to the other side's socket):");
  for (const { shape, carechat, relay } of report.loads)
    lines.push(
      `  ${shape.chats} chats, each one message every ${shape.intervalMs} ms (the two sides taking turns) for ${shape.durationMs / 1000} s = ${fixed(carechat.offeredPerSecond, 0)} msg/s offered`,
      loadRow("carechat", carechat),
      loadRow("bare ws relay", relay),
    );
  lines.push("", "  targets:");
  for (const target of report.targets)
    lines.push(
      `  ${target.name.padEnd(48)} ${(target.value < 1 && target.value > 0 ? target.value.toFixed(7) : fixed(target.value)).padStart(10)}  <= ${String(target.limit).padEnd(7)} ${verdict(target.pass)}`,
    );
  lines.push(`  overall: ${verdict(report.pass)}; figures written to bench/results/cost.json`, "");
  return lines.join("\n");
}
