import { readFileSync } from "node:fs";
import type { IConstruct } from "constructs";
import { FUNCTIONS, type FunctionContract } from "../../functions/lib/config/environment.ts";
import { resolveStackSettings } from "../../infra/stacks/stack-settings.ts";
import type { Invocation } from "../../local/lambda-runner.ts";
import type { CapacityTally } from "./consumed-capacity.ts";
import { EXPRESS_BILLING, PRICES } from "./prices.ts";
import type { TypicalChatCounts } from "./typical-chat.ts";

/** The deployed memory of every function: the stack settings' default, or cdk.json's `memorySize` context. */
export function deployedMemoryMb(): number {
  const cdk = JSON.parse(readFileSync(new URL("../../cdk.json", import.meta.url), "utf8")) as {
    context?: Record<string, unknown>;
  };
  const scope = { node: { tryGetContext: (key: string) => cdk.context?.[key] } } as unknown as IConstruct;
  return resolveStackSettings(scope, {}).memorySize;
}

export interface FunctionUsage {
  readonly invocations: number;
  /** Each invocation's measured handler wall time rounded up to 1 ms, as Lambda bills it. */
  readonly billedMs: number;
  readonly gbSeconds: number;
}

export function lambdaUsage(
  invocations: readonly Invocation[],
  memoryMb: number,
): Record<string, FunctionUsage> {
  const usage: Record<string, FunctionUsage> = {};
  // Step Functions tasks run under their ASL placeholder's name locally: report the function's name.
  const byPlaceholder = new Map(
    Object.entries(FUNCTIONS as Record<string, FunctionContract>).map(
      ([name, spec]) => [spec.aslPlaceholder ?? name, name] as const,
    ),
  );
  for (const invocation of invocations) {
    const name = byPlaceholder.get(invocation.functionName) ?? invocation.functionName;
    const previous = usage[name] ?? { invocations: 0, billedMs: 0, gbSeconds: 0 };
    const billedMs = previous.billedMs + Math.ceil(invocation.durationMs);
    usage[name] = {
      invocations: previous.invocations + 1,
      billedMs,
      gbSeconds: (billedMs / 1000) * (memoryMb / 1024),
    };
  }
  return usage;
}

/** The queue ticker's cost per chat: its invocations per minute shared out over the chats open at once. */
export interface TickerShare {
  readonly perTick: { billedMs: number; gbSeconds: number; readUnits: number; writeUnits: number };
  readonly ticksPerChat: number;
  readonly assumedConcurrentChats: number;
}

export interface CostLine {
  readonly service: string;
  readonly quantity: string;
  readonly cost: number;
  /** How the quantity was obtained. */
  readonly source: string;
}

export interface ChatCost {
  readonly lines: readonly CostLine[];
  readonly total: number;
  readonly connect: { messages: number; cost: number };
  readonly gbSeconds: number;
  readonly invocations: number;
}

const n = (value: number, digits = 1) => value.toLocaleString("en-US", { maximumFractionDigits: digits });

export function chatCost(
  counts: TypicalChatCounts,
  lambda: Record<string, FunctionUsage>,
  ticker: TickerShare,
  memoryMb: number,
  nominalMinutes: number,
  capacity: CapacityTally = counts.capacity,
): ChatCost {
  const rows = Object.values(lambda);
  const invocations = rows.reduce((sum, row) => sum + row.invocations, 0) + ticker.ticksPerChat;
  const gbSeconds =
    rows.reduce((sum, row) => sum + row.gbSeconds, 0) + ticker.perTick.gbSeconds * ticker.ticksPerChat;
  const readUnits = capacity.readUnits + ticker.perTick.readUnits * ticker.ticksPerChat;
  const writeUnits = capacity.writeUnits + ticker.perTick.writeUnits * ticker.ticksPerChat;
  const expressGbSeconds =
    counts.closure.executions === 0
      ? 0
      : ((Math.ceil(counts.closure.durationMs / EXPRESS_BILLING.durationStepMs) *
          EXPRESS_BILLING.durationStepMs) /
          1000) *
        (EXPRESS_BILLING.memoryMb / 1024);
  const connectionMinutes = 2 * nominalMinutes;
  const lines: CostLine[] = [
    {
      service: "Lambda requests",
      quantity: `${n(invocations, 2)} invocations`,
      cost: invocations * PRICES.lambdaPerRequest,
      source: `counted (runner.onInvocation) + ticker share ${n(ticker.ticksPerChat, 3)}`,
    },
    {
      service: "Lambda duration (Arm)",
      quantity: `${n(gbSeconds, 3)} GB-s at ${memoryMb} MB`,
      cost: gbSeconds * PRICES.lambdaArmPerGbSecond,
      source: "measured handler wall time, each rounded up to 1 ms",
    },
    {
      service: "DynamoDB reads",
      quantity: `${n(readUnits, 2)} RRU`,
      cost: readUnits * PRICES.dynamoPerReadUnit,
      source: "ConsumedCapacity returned by DynamoDB Local",
    },
    {
      service: "DynamoDB writes",
      quantity: `${n(writeUnits, 2)} WRU`,
      cost: writeUnits * PRICES.dynamoPerWriteUnit,
      source: "ConsumedCapacity returned by DynamoDB Local",
    },
    {
      service: "Step Functions Standard",
      quantity: `${counts.handoff.stateTransitions} transitions`,
      cost: counts.handoff.stateTransitions * PRICES.standardPerTransition,
      source: "states entered, GetExecutionHistory of the handoff",
    },
    {
      service: "Step Functions Express",
      quantity: `${counts.closure.executions} request, ${n(expressGbSeconds, 4)} GB-s`,
      cost:
        counts.closure.executions * PRICES.expressPerRequest + expressGbSeconds * PRICES.expressPerGbSecond,
      source: `closure wall time ${n(counts.closure.durationMs, 0)} ms, 100 ms steps, 64 MB`,
    },
    {
      service: "API Gateway messages",
      quantity: `${counts.frames.units} messages (32 KB units)`,
      cost: counts.frames.units * PRICES.websocketPerMessage,
      source: `every frame in (${counts.frames.sent}) and out (${counts.frames.received}), counted at the clients`,
    },
    {
      service: "API Gateway connection minutes",
      quantity: `${connectionMinutes} min`,
      cost: connectionMinutes * PRICES.websocketPerConnectionMinute,
      source: `assumed: 2 connections × ${nominalMinutes} min (nominal chat length)`,
    },
  ];
  const total = lines.reduce((sum, line) => sum + line.cost, 0);
  const connectMessages = counts.messages.customer + counts.messages.agent;
  return {
    lines,
    total,
    connect: { messages: connectMessages, cost: connectMessages * PRICES.connectChatPerMessage },
    gbSeconds,
    invocations,
  };
}
