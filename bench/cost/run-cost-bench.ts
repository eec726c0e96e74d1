import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { documentClient } from "../../functions/lib/aws/document-client.ts";
import { FUNCTIONS } from "../../functions/lib/config/environment.ts";
import type { LambdaHandler } from "../../local/lambda-runner.ts";
import type { LocalStack } from "../../local/stack.ts";
import { countConsumedCapacity } from "./consumed-capacity.ts";
import { chatCost, deployedMemoryMb, lambdaUsage, type TickerShare } from "./cost-model.ts";
import { carechatLoad, DEFAULT_LOAD, LIGHT_LOAD, type LoadShape, relayLoad } from "./fixed-load.ts";
import { measureHandlerCpu } from "./handler-cpu.ts";
import { COST_TARGETS, PRICES, PRICES_AS_OF } from "./prices.ts";
import { type CostReport, formatReport } from "./report.ts";
import { runTypicalChat } from "./typical-chat.ts";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RESULTS_FILE = join(REPO_ROOT, "bench", "results", "cost.json");
/** The chat's nominal length: connection minutes and the ticker's share are computed for it. */
const NOMINAL_MINUTES = 10;
/** The assumption the ticker's share rests on: chats open at once across the deployment. */
const CONCURRENT_CHATS = Number(process.env.BENCH_CONCURRENT_CHATS ?? 1000);
/** EventBridge runs the ticker rate(1 minute). */
const TICKS_PER_MINUTE = 1;
const TICKS_MEASURED = 5;
const CPU_MESSAGES = Math.max(200, Number(process.env.BENCH_CPU_MESSAGES ?? 200));

let meter: ReturnType<typeof countConsumedCapacity> | undefined;

/**
 * `npm run bench:cost` (and part of `npm run bench`): one typical chat counted on the local stack and
 * priced at list prices beside Amazon Connect chat, the handler CPU per message, and delivery at a
 * fixed load beside a bare ws relay. The stack must run with its own ticker timer off (a huge
 * `tickMs`): the bench runs the ticker itself, so that no tick lands inside the chat's counts.
 * Writes `bench/results/cost.json`.
 */
export async function runCostBench(stack: LocalStack): Promise<string> {
  meter ??= countConsumedCapacity(documentClient());
  const memoryMb = deployedMemoryMb();
  const counts = await runTypicalChat(stack, meter);
  const lambda = lambdaUsage(counts.invocations, memoryMb);
  const ticker = await measureTicker(stack, meter, memoryMb);
  const cost = chatCost(counts, lambda, ticker, memoryMb, NOMINAL_MINUTES);
  const cpu = await measureHandlerCpu(stack, CPU_MESSAGES);
  const loads = [];
  for (const shape of [LIGHT_LOAD, DEFAULT_LOAD] satisfies LoadShape[])
    loads.push({ shape, carechat: await carechatLoad(stack, shape), relay: await relayLoad(shape) });

  const maxDepth = Math.max(...counts.sendDepths);
  const targets = [
    {
      name: "infrastructure cost per typical chat (USD)",
      value: cost.total,
      limit: COST_TARGETS.maxCostPerChat,
    },
    {
      name: "sequential AWS calls on a message's path (max)",
      value: maxDepth,
      limit: COST_TARGETS.maxSequentialCalls,
    },
    {
      name: "Step Functions Standard transitions per chat",
      value: counts.handoff.stateTransitions,
      limit: COST_TARGETS.maxStandardTransitions,
    },
    {
      name: "handler CPU per message (ms, upper bound)",
      value: cpu.cpuMsPerMessage,
      limit: COST_TARGETS.maxHandlerCpuMsPerMessage,
    },
  ].map((target) => ({ ...target, pass: target.value <= target.limit }));

  // The load while measuring, read at the end: the wall-time figures (GB-s, latency) depend on it.
  const report: CostReport = {
    bench: "cost",
    measuredAt: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    loadAverage: loadavg(),
    prices: { asOf: PRICES_AS_OF, ...PRICES },
    assumptions: {
      nominalMinutes: NOMINAL_MINUTES,
      connections: 2,
      concurrentChats: CONCURRENT_CHATS,
      tickerRunsPerMinute: TICKS_PER_MINUTE,
      memoryMb,
      architecture: "arm64",
    },
    typicalChat: {
      chatId: counts.chatId,
      messages: counts.messages,
      lambda,
      dynamodb: counts.capacity,
      largestItemBytes: counts.largestItemBytes,
      stepFunctions: { handoff: counts.handoff, closure: counts.closure },
      apiGateway: { frames: counts.frames, connectionMinutes: 2 * NOMINAL_MINUTES },
      ticker,
      sequentialCallsPerMessage: counts.sendDepths,
    },
    cost,
    handlerCpu: cpu,
    loads,
    targets,
    pass: targets.every((target) => target.pass),
  };
  mkdirSync(join(REPO_ROOT, "bench", "results"), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  return formatReport(report);
}

/** Runs the ticker as EventBridge would, a few times, and shares one minute's worth out per chat. */
async function measureTicker(
  stack: LocalStack,
  capacity: ReturnType<typeof countConsumedCapacity>,
  memoryMb: number,
): Promise<TickerShare> {
  const handler = ((await import(`../../${FUNCTIONS["queue-ticker"].entry}`)) as { handler: LambdaHandler })
    .handler;
  capacity.reset();
  let billedMs = 0;
  for (let tick = 0; tick < TICKS_MEASURED; tick += 1) {
    const stop = stack.runner.onInvocation((invocation) => {
      if (invocation.functionName === "queue-ticker") billedMs += Math.ceil(invocation.durationMs);
    });
    await stack.runner.invoke("queue-ticker", handler, { source: "aws.scheduler" });
    stop();
  }
  const { readUnits, writeUnits } = capacity.tally();
  const perTickMs = billedMs / TICKS_MEASURED;
  return {
    perTick: {
      billedMs: perTickMs,
      gbSeconds: (perTickMs / 1000) * (memoryMb / 1024),
      readUnits: readUnits / TICKS_MEASURED,
      writeUnits: writeUnits / TICKS_MEASURED,
    },
    ticksPerChat: (NOMINAL_MINUTES * TICKS_PER_MINUTE) / CONCURRENT_CHATS,
    assumedConcurrentChats: CONCURRENT_CHATS,
  };
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT }).toString().trim();
  } catch {
    return null;
  }
}
