import { describe, expect, it } from "vitest";
import { chatCost, lambdaUsage, type TickerShare } from "../../../../bench/cost/cost-model.ts";
import { PRICES } from "../../../../bench/cost/prices.ts";
import type { TypicalChatCounts } from "../../../../bench/cost/typical-chat.ts";
import type { Invocation } from "../../../../local/lambda-runner.ts";

const invocation = (functionName: string, durationMs: number): Invocation => ({
  functionName,
  label: functionName,
  durationMs,
  calls: [],
  failed: false,
});

const noTicker: TickerShare = {
  perTick: { billedMs: 0, gbSeconds: 0, readUnits: 0, writeUnits: 0 },
  ticksPerChat: 0,
  assumedConcurrentChats: 1000,
};

const counts = (overrides: Partial<TypicalChatCounts> = {}): TypicalChatCounts => ({
  chatId: "c1",
  messages: { customer: 10, agent: 10 },
  invocations: [],
  capacity: { readUnits: 8, writeUnits: 4, calls: {} },
  frames: { sent: 3, received: 4, units: 7, byKind: {} },
  handoff: { executions: 1, stateTransitions: 5, durationMs: 900, statuses: ["SUCCEEDED"] },
  closure: { executions: 1, stateTransitions: 6, durationMs: 101, statuses: ["SUCCEEDED"] },
  sendDepths: [3],
  largestItemBytes: 500,
  ...overrides,
});

describe("lambdaUsage", () => {
  it("bills each invocation rounded up to 1 ms at the deployed memory, under the function's name", () => {
    // Prepare
    const invocations = [
      invocation("actions", 10.2),
      invocation("actions", 0.1),
      invocation("ChatHandoffFunctionArn", 2),
    ];

    // Act
    const usage = lambdaUsage(invocations, 512);

    // Assess
    expect(usage.actions).toEqual({ invocations: 2, billedMs: 12, gbSeconds: 0.006 });
    expect(usage["chat-handoff"]).toEqual({ invocations: 1, billedMs: 2, gbSeconds: 0.001 });
    expect(usage.ChatHandoffFunctionArn).toBeUndefined();
  });
});

describe("chatCost", () => {
  it("prices every counted quantity and sums the lines", () => {
    // Prepare
    const lambda = lambdaUsage([invocation("actions", 1000)], 1024);

    // Act
    const cost = chatCost(counts(), lambda, noTicker, 1024, 10);

    // Assess
    const line = (service: string) => cost.lines.find((candidate) => candidate.service === service)?.cost;
    expect(line("Lambda duration (Arm)")).toBeCloseTo(PRICES.lambdaArmPerGbSecond, 12);
    expect(line("DynamoDB writes")).toBeCloseTo(4 * PRICES.dynamoPerWriteUnit, 12);
    expect(line("Step Functions Standard")).toBeCloseTo(5 * PRICES.standardPerTransition, 12);
    expect(line("API Gateway messages")).toBeCloseTo(7 * PRICES.websocketPerMessage, 12);
    expect(line("API Gateway connection minutes")).toBeCloseTo(20 * PRICES.websocketPerConnectionMinute, 12);
    expect(cost.total).toBeCloseTo(
      cost.lines.reduce((sum, entry) => sum + entry.cost, 0),
      12,
    );
    expect(cost.connect).toEqual({ messages: 20, cost: 20 * PRICES.connectChatPerMessage });
  });

  it("bills the Express closure in 100 ms steps at 64 MB", () => {
    // Prepare: 101 ms is two steps, 0.2 s at 1/16 GB.

    // Act
    const cost = chatCost(counts(), {}, noTicker, 512, 10);

    // Assess
    const express = cost.lines.find((entry) => entry.service === "Step Functions Express")?.cost;
    expect(express).toBeCloseTo(PRICES.expressPerRequest + 0.2 * 0.0625 * PRICES.expressPerGbSecond, 14);
  });

  it("adds the ticker's share of invocations and units", () => {
    // Prepare
    const ticker: TickerShare = {
      perTick: { billedMs: 100, gbSeconds: 0.05, readUnits: 10, writeUnits: 2 },
      ticksPerChat: 0.01,
      assumedConcurrentChats: 1000,
    };

    // Act
    const withTicker = chatCost(counts(), {}, ticker, 512, 10);
    const without = chatCost(counts(), {}, noTicker, 512, 10);

    // Assess
    expect(withTicker.invocations - without.invocations).toBeCloseTo(0.01, 12);
    expect(withTicker.total - without.total).toBeCloseTo(
      0.01 * (PRICES.lambdaPerRequest + 0.05 * PRICES.lambdaArmPerGbSecond) +
        0.01 * (10 * PRICES.dynamoPerReadUnit + 2 * PRICES.dynamoPerWriteUnit),
      14,
    );
  });
});
