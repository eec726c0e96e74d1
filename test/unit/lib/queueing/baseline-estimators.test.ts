import { describe, expect, it } from "vitest";
import {
  classicEwt,
  lastToEnterService,
  naiveEstimate,
  slotAwareNaive,
} from "../../../../functions/lib/queueing/baseline-estimators.ts";
import { initialStats } from "../../../../functions/lib/queueing/update-stats.ts";
import type { EligibleAgent, WaitInput } from "../../../../functions/lib/queueing/wait-types.ts";

const agent = (overrides: Partial<EligibleAgent> = {}): EligibleAgent => ({
  maxChats: 3,
  activeChats: 3,
  status: "available",
  share: 1,
  ...overrides,
});

const input = (overrides: Partial<WaitInput>): WaitInput => ({
  position: 4,
  agents: [agent(), agent()],
  stats: { ...initialStats(), handleTimeSeconds: 300 },
  waitedSeconds: 0,
  ...overrides,
});

describe("naiveEstimate", () => {
  it("is position times the average handle time", () => {
    // Act
    const estimate = naiveEstimate(input({ position: 4 }));

    // Assess
    expect(estimate).toBe(1200);
  });

  it("ignores how long the customer has waited and how many agents there are", () => {
    // Act
    const estimate = naiveEstimate(
      input({ waitedSeconds: 600, agents: [agent(), agent(), agent(), agent()] }),
    );

    // Assess
    expect(estimate).toBe(1200);
  });

  it("has no estimate with nobody signed in", () => {
    // Act
    const estimate = naiveEstimate(input({ agents: [] }));

    // Assess
    expect(estimate).toBeNull();
  });
});

describe("classicEwt", () => {
  it("divides the handle time of the uncovered chats among the active agents", () => {
    // Prepare: 4 in line, 1 free slot, 2 agents with all their time on this queue
    const agents = [agent({ activeChats: 2 }), agent()];

    // Act
    const estimate = classicEwt(input({ agents }));

    // Assess: 300 × (4 − 1) / 2
    expect(estimate).toBe(450);
  });

  it("weights the active agents by their share of this queue", () => {
    // Prepare
    const agents = [agent({ share: 0.5 }), agent({ share: 0.5 })];

    // Act
    const estimate = classicEwt(input({ agents }));

    // Assess: 300 × 4 / (2 × 0.5)
    expect(estimate).toBe(1200);
  });

  it("counts away agents as active but not their free slots as ready", () => {
    // Prepare
    const agents = [agent(), agent({ status: "away", activeChats: 0 })];

    // Act
    const estimate = classicEwt(input({ agents }));

    // Assess: 300 × 4 / 2
    expect(estimate).toBe(600);
  });

  it("is zero when the free slots cover the customer", () => {
    // Prepare
    const agents = [agent({ activeChats: 0 }), agent({ activeChats: 1 })];

    // Act
    const estimate = classicEwt(input({ agents }));

    // Assess
    expect(estimate).toBe(0);
  });

  it("has no estimate with nobody signed in", () => {
    // Act
    const estimate = classicEwt(input({ agents: [] }));

    // Assess
    expect(estimate).toBeNull();
  });
});

describe("slotAwareNaive", () => {
  it("divides position times handle time by the signed-in slots, weighted by share", () => {
    // Prepare: 3 + 3 × 0.5 slots
    const agents = [agent(), agent({ share: 0.5, status: "away" })];

    // Act
    const estimate = slotAwareNaive(input({ agents }));

    // Assess: 4 × 300 / 4.5
    expect(estimate).toBeCloseTo(266.67, 1);
  });

  it("has no estimate with no slot signed in", () => {
    // Act
    const estimate = slotAwareNaive(input({ agents: [agent({ maxChats: 0 })] }));

    // Assess
    expect(estimate).toBeNull();
  });
});

describe("lastToEnterService", () => {
  const history = { ...initialStats(), lastServiceDelaySeconds: 240, lastServiceAtMs: 0 };

  it("predicts the delay of the last customer answered, less the time already waited", () => {
    // Act
    const onArrival = lastToEnterService(input({ stats: history }));
    const later = lastToEnterService(input({ stats: history, waitedSeconds: 100 }));
    const beyond = lastToEnterService(input({ stats: history, waitedSeconds: 400 }));

    // Assess
    expect([onArrival, later, beyond]).toEqual([240, 140, 0]);
  });

  it("is zero for a customer a free slot covers", () => {
    // Act
    const estimate = lastToEnterService(
      input({ stats: history, position: 1, agents: [agent({ activeChats: 2 })] }),
    );

    // Assess
    expect(estimate).toBe(0);
  });

  it("has no estimate before anyone was answered", () => {
    // Act
    const estimate = lastToEnterService(input({}));

    // Assess
    expect(estimate).toBeNull();
  });
});
