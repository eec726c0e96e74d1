import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { queueTimers } from "../../../../functions/lib/handoff/queue-timers.ts";
import { parseRoutingConfig, type RoutingQueueInput } from "../../../../functions/lib/routing/index.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

const NOW = Date.parse("2024-03-10T12:00:00.000Z");

/** The instant `seconds` before the frozen clock, as a queue entry stores it. */
const secondsAgo = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

const queue = (id: string, fields: Partial<RoutingQueueInput> = {}): RoutingQueueInput => ({
  id,
  name: `Queue ${id}`,
  countries: "*",
  languages: "*",
  segments: "*",
  topics: "*",
  hours: { timeZone: "America/New_York", schedule: "24/7" },
  ...fields,
});

const deps = {
  routing: parseRoutingConfig({
    version: "test-1",
    defaultQueueId: "general",
    supervisorQueueId: "supervisors",
    queues: [
      queue("general", { maxWaitSeconds: 900 }),
      queue("plain"),
      queue("fraud", {
        overflow: { queueId: "general", afterSeconds: 60 },
        maxWaitSeconds: 600,
        offerTimeoutSeconds: 20,
      }),
      queue("supervisors", { kind: "supervisor" }),
    ],
    defaultContactNumber: "the number on the back of your card",
  }),
};

describe("queueTimers", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits the overflow time of a queue that overflows, not its maxWaitSeconds", () => {
    // Prepare
    const queuedAt = secondsAgo(0);

    // Act
    const timers = queueTimers(deps, "fraud", queuedAt);

    // Assess
    expect(timers).toEqual({ overflowInSeconds: 60, offerTimeoutSeconds: 20 });
  });

  it("waits maxWaitSeconds in a queue without overflow", () => {
    // Prepare
    const queuedAt = secondsAgo(0);

    // Act
    const timers = queueTimers(deps, "general", queuedAt);

    // Assess
    expect(timers).toEqual({ overflowInSeconds: 900, offerTimeoutSeconds: 30 });
  });

  it("waits the default hour in a queue that sets neither", () => {
    // Prepare
    const queuedAt = secondsAgo(0);

    // Act
    const timers = queueTimers(deps, "plain", queuedAt);

    // Assess
    expect(timers).toEqual({ overflowInSeconds: 3_600, offerTimeoutSeconds: 30 });
  });

  it("subtracts the time already waited in the queue, rounding up to whole seconds", () => {
    // Prepare
    const queuedAt = secondsAgo(25.5);

    // Act
    const timers = queueTimers(deps, "fraud", queuedAt);

    // Assess: 60 − 25.5 = 34.5
    expect(timers.overflowInSeconds).toBe(35);
    expect(timers.offerTimeoutSeconds).toBe(20);
  });

  it.each([
    { waited: 59.5, queueId: "fraud" },
    { waited: 60, queueId: "fraud" },
    { waited: 3_600, queueId: "fraud" },
    { waited: 900, queueId: "general" },
    { waited: 86_400, queueId: "general" },
  ])("never waits less than 1 second ($queueId, waited $waited s)", ({ waited, queueId }) => {
    // Prepare
    const queuedAt = secondsAgo(waited);

    // Act
    const timers = queueTimers(deps, queueId, queuedAt);

    // Assess
    expect(timers.overflowInSeconds).toBe(1);
  });

  it("is a whole number of seconds between 1 and the limit for any time waited", () => {
    // Prepare
    const waitedMs = fc.integer({ min: 0, max: 200_000_000 });
    const queueId = fc.constantFrom("fraud", "general", "plain");
    const limits: Record<string, number> = { fraud: 60, general: 900, plain: 3_600 };

    // Act
    // Assess
    fc.assert(
      fc.property(waitedMs, queueId, (ms, id) => {
        const { overflowInSeconds } = queueTimers(deps, id, new Date(NOW - ms).toISOString());
        const limit = limits[id] as number;
        expect(Number.isInteger(overflowInSeconds)).toBe(true);
        expect(overflowInSeconds).toBeGreaterThanOrEqual(1);
        expect(overflowInSeconds).toBeLessThanOrEqual(limit);
        expect(overflowInSeconds).toBe(Math.max(1, Math.ceil(limit - ms / 1000)));
      }),
      { numRuns: 500 },
    );
  });

  it("falls back to an hour and a 30-second offer for a queue that is not configured", () => {
    // Prepare
    const queuedAt = secondsAgo(600);

    // Act
    const timers = queueTimers(deps, "no-such-queue", queuedAt);

    // Assess
    expect(timers).toEqual({ overflowInSeconds: 3_000, offerTimeoutSeconds: 30 });
  });

  it("reads the shipped configuration: specialists overflow, general desks hand back after maxWaitSeconds", () => {
    // Prepare
    const shipped = { routing: parseRoutingConfig(defaultRouting) };
    const queuedAt = secondsAgo(30);

    // Act
    const fraud = queueTimers(shipped, "us-fraud-en", queuedAt);
    const smallBusiness = queueTimers(shipped, "us-small-business-en", queuedAt);
    const consumer = queueTimers(shipped, "us-consumer-en", queuedAt);

    // Assess
    expect(fraud).toEqual({ overflowInSeconds: 30, offerTimeoutSeconds: 20 });
    expect(smallBusiness).toEqual({ overflowInSeconds: 150, offerTimeoutSeconds: 30 });
    expect(consumer).toEqual({ overflowInSeconds: 3_570, offerTimeoutSeconds: 30 });
  });
});
