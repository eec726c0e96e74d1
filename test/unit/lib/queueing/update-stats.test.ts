import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  abandonHazard,
  HANDLE_TIME_ALPHA,
  initialStats,
  LATE_WAIT_SECONDS,
  lateAbandonHazard,
  PRIOR_HANDLE_SECONDS,
  recordAbandoned,
  recordAnswered,
  recordHandled,
} from "../../../../functions/lib/queueing/update-stats.ts";
import type { QueueStats } from "../../../../functions/lib/queueing/wait-types.ts";

const NOW = new Date("2025-01-06T10:00:00Z");

/** A queue that has seen plenty of chats, so every update uses the EWMA constants. */
const SEASONED: QueueStats = {
  handleTimeSeconds: 400,
  abandonRate: 0.2,
  meanWaitSeconds: 120,
  lateAbandonRate: 0.1,
  lateWaitSeconds: 30,
  samples: 1000,
  waitSamples: 1000,
};

const between = (value: number, low: number, high: number) =>
  Math.min(low, high) - 1e-9 <= value && value <= Math.max(low, high) + 1e-9;

describe("initialStats", () => {
  it("starts from the priors with no samples", () => {
    // Act
    const stats = initialStats();

    // Assess
    expect(stats).toMatchObject({ handleTimeSeconds: PRIOR_HANDLE_SECONDS, samples: 0, waitSamples: 0 });
    expect(abandonHazard(stats)).toBeCloseTo(lateAbandonHazard(stats));
  });
});

describe("recordHandled", () => {
  it("moves the handle time by alpha toward the new chat", () => {
    // Act
    const stats = recordHandled(SEASONED, 600, NOW);

    // Assess
    expect(stats.handleTimeSeconds).toBeCloseTo(400 + HANDLE_TIME_ALPHA * 200);
    expect(stats.samples).toBe(1001);
  });

  it("averages the prior as one sample while the queue is young", () => {
    // Act
    const stats = recordHandled(initialStats(), 500, NOW);

    // Assess
    expect(stats.handleTimeSeconds).toBeCloseTo((PRIOR_HANDLE_SECONDS + 500) / 2);
  });

  it("moves toward every new sample and never past it (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 7200, noNaN: true }), fc.nat({ max: 5000 }), (handle, samples) => {
        // Prepare
        const before = { ...SEASONED, samples };

        // Act
        const after = recordHandled(before, handle, NOW);

        // Assess
        return between(after.handleTimeSeconds, before.handleTimeSeconds, handle);
      }),
    );
  });

  it("ignores a negative or broken handle time as zero", () => {
    // Act
    const stats = recordHandled(SEASONED, Number.NaN, NOW);

    // Assess
    expect(stats.handleTimeSeconds).toBeCloseTo(400 * (1 - HANDLE_TIME_ALPHA));
  });
});

describe("recordAbandoned and recordAnswered", () => {
  it("raise the abandon rate on an abandon and lower it on an answer", () => {
    // Act
    const abandoned = recordAbandoned(SEASONED, 60, NOW);
    const answered = recordAnswered(SEASONED, 60, NOW);

    // Assess
    expect(abandoned.abandonRate).toBeGreaterThan(SEASONED.abandonRate);
    expect(answered.abandonRate).toBeLessThan(SEASONED.abandonRate);
    expect(abandoned.waitSamples).toBe(1001);
    expect(answered.waitSamples).toBe(1001);
  });

  it("move the mean wait toward the new wait (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 7200, noNaN: true }), fc.boolean(), (waited, abandoned) => {
        // Act
        const after = (abandoned ? recordAbandoned : recordAnswered)(SEASONED, waited, NOW);

        // Assess
        return between(after.meanWaitSeconds, SEASONED.meanWaitSeconds, waited);
      }),
    );
  });

  it("count only the part of a long wait past the split toward the late hazard", () => {
    // Act
    const early = recordAbandoned(SEASONED, LATE_WAIT_SECONDS - 1, NOW);
    const late = recordAbandoned(SEASONED, LATE_WAIT_SECONDS + 100, NOW);

    // Assess
    expect(early.lateAbandonRate).toBeLessThan(SEASONED.lateAbandonRate);
    expect(early.lateWaitSeconds).toBeLessThan(SEASONED.lateWaitSeconds);
    expect(late.lateAbandonRate).toBeGreaterThan(SEASONED.lateAbandonRate);
    expect(late.lateWaitSeconds).toBeGreaterThan(SEASONED.lateWaitSeconds);
  });

  it("learn the hazard of the waits they see: one abandon per 300 s of waiting", () => {
    // Prepare: one in three customers abandons, everyone waits 100 s
    let stats = initialStats();

    // Act
    for (let round = 0; round < 200; round += 1) {
      stats = recordAbandoned(stats, 100, NOW);
      stats = recordAnswered(stats, 100, NOW);
      stats = recordAnswered(stats, 100, NOW);
    }

    // Assess
    expect(abandonHazard(stats)).toBeCloseTo(1 / 300, 3);
  });

  it("leave the handle time alone", () => {
    // Act
    const stats = recordAnswered(recordAbandoned(SEASONED, 30, NOW), 30, NOW);

    // Assess
    expect(stats.handleTimeSeconds).toBe(SEASONED.handleTimeSeconds);
    expect(stats.samples).toBe(SEASONED.samples);
  });
});

describe("recordAnswered's delay history", () => {
  it("keeps the wait of the last customer answered and when, for the LES estimator", () => {
    // Prepare
    const first = recordAnswered(initialStats(), 90, new Date(1_000_000));

    // Act
    const second = recordAnswered(first, 30, new Date(2_000_000));

    // Assess
    expect([first.lastServiceDelaySeconds, first.lastServiceAtMs]).toEqual([90, 1_000_000]);
    expect([second.lastServiceDelaySeconds, second.lastServiceAtMs]).toEqual([30, 2_000_000]);
  });
});
