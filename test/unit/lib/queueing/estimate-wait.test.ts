import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateWaitSeconds } from "../../../../functions/lib/queueing/estimate-wait.ts";
import { initialStats } from "../../../../functions/lib/queueing/update-stats.ts";
import type { EligibleAgent, QueueStats, WaitInput } from "../../../../functions/lib/queueing/wait-types.ts";

const busy = (maxChats: number, share = 1): EligibleAgent => ({
  maxChats,
  activeChats: maxChats,
  status: "available",
  share,
});

const STATS: QueueStats = {
  ...initialStats(),
  handleTimeSeconds: 400,
  abandonRate: 0.1,
  meanWaitSeconds: 100,
  lateAbandonRate: 0.08,
  lateWaitSeconds: 40,
  samples: 500,
  waitSamples: 500,
};

const input = (overrides: Partial<WaitInput>): WaitInput => ({
  position: 5,
  agents: [busy(3), busy(2), busy(3)],
  stats: STATS,
  waitedSeconds: 0,
  ...overrides,
});

const agentArb = fc.record({
  maxChats: fc.integer({ min: 1, max: 4 }),
  activeChats: fc.integer({ min: 0, max: 5 }),
  status: fc.constantFrom("available" as const, "away" as const),
  share: fc.constantFrom(1, 0.5, 1 / 3, 0.25, 0),
});

const statsArb = fc.record({
  handleTimeSeconds: fc.double({ min: 30, max: 3600, noNaN: true }),
  abandonRate: fc.double({ min: 0, max: 1, noNaN: true }),
  meanWaitSeconds: fc.double({ min: 0, max: 1800, noNaN: true }),
  lateAbandonRate: fc.double({ min: 0, max: 1, noNaN: true }),
  lateWaitSeconds: fc.double({ min: 0, max: 1800, noNaN: true }),
  samples: fc.nat(),
  waitSamples: fc.nat(),
});

const inputArb = fc.record({
  position: fc.integer({ min: 1, max: 200 }),
  agents: fc.array(agentArb, { minLength: 1, maxLength: 12 }),
  stats: statsArb,
  waitedSeconds: fc.double({ min: 0, max: 7200, noNaN: true }),
});

describe("estimateWaitSeconds", () => {
  it("has no estimate when no agent is signed in", () => {
    // Prepare
    const nobody = input({ agents: [] });

    // Act
    const estimate = estimateWaitSeconds(nobody);

    // Assess
    expect(estimate).toBeNull();
  });

  it("has no estimate when every signed-in agent is away", () => {
    // Prepare
    const away = input({
      agents: [
        { ...busy(3), status: "away" },
        { ...busy(2), activeChats: 0, status: "away" },
      ],
    });

    // Act
    const estimate = estimateWaitSeconds(away);

    // Assess
    expect(estimate).toBeNull();
  });

  it("is near zero at the head of the queue with a free slot", () => {
    // Prepare
    const free = input({ position: 1, agents: [busy(3), { ...busy(2), activeChats: 1 }] });

    // Act
    const estimate = estimateWaitSeconds(free);

    // Assess
    expect(estimate).not.toBeNull();
    expect(estimate).toBeLessThan(5);
  });

  it("is about one slot's turnover at the head of a full queue", () => {
    // Prepare: 8 slots and a 400 s handle time free a slot every 50 s
    const head = input({ position: 1, stats: { ...STATS, abandonRate: 0 } });

    // Act
    const estimate = estimateWaitSeconds(head) as number;

    // Assess: the median of an exponential with mean 50 s
    expect(estimate).toBeGreaterThan(30);
    expect(estimate).toBeLessThan(50);
  });

  it("is shorter when the customers ahead abandon", () => {
    // Prepare
    const patient = input({ position: 20, stats: { ...STATS, abandonRate: 0, lateAbandonRate: 0 } });
    const impatient = input({ position: 20 });

    // Act
    const withoutAbandons = estimateWaitSeconds(patient) as number;
    const withAbandons = estimateWaitSeconds(impatient) as number;

    // Assess
    expect(withAbandons).toBeLessThan(withoutAbandons);
  });

  it("is longer when the agents share their time with other queues", () => {
    // Prepare
    const dedicated = input({ agents: [busy(3), busy(3)] });
    const shared = input({ agents: [busy(3, 0.5), busy(3, 0.5)] });

    // Act
    const alone = estimateWaitSeconds(dedicated) as number;
    const split = estimateWaitSeconds(shared) as number;

    // Assess
    expect(split).toBeGreaterThan(alone * 1.5);
  });

  it("falls as the customer waits at the same position when later abandonment is higher", () => {
    // Prepare
    const fresh = input({ position: 10, waitedSeconds: 0 });
    const waited = input({ position: 10, waitedSeconds: 300 });

    // Act
    const atStart = estimateWaitSeconds(fresh) as number;
    const later = estimateWaitSeconds(waited) as number;

    // Assess
    expect(later).toBeLessThan(atStart);
  });

  it("never grows as the customer waits (property)", () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 0, max: 3600, noNaN: true }), (base, more) => {
        // Prepare
        const later = { ...base, waitedSeconds: base.waitedSeconds + more };

        // Act
        const before = estimateWaitSeconds(base);
        const after = estimateWaitSeconds(later);

        // Assess
        if (before === null) return after === null;
        return after !== null && after <= before + 1e-9;
      }),
    );
  });

  it("never shrinks further back in the queue (property)", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 50 }), (base, behind) => {
        // Prepare
        const further = { ...base, position: base.position + behind };

        // Act
        const ahead = estimateWaitSeconds(base);
        const back = estimateWaitSeconds(further);

        // Assess
        if (ahead === null) return back === null;
        return back !== null && back >= ahead - 1e-9;
      }),
    );
  });

  it("is a finite, non-negative number or null (property)", () => {
    fc.assert(
      fc.property(inputArb, (wait) => {
        // Act
        const estimate = estimateWaitSeconds(wait);

        // Assess
        return estimate === null || (Number.isFinite(estimate) && estimate >= 0);
      }),
    );
  });
});
