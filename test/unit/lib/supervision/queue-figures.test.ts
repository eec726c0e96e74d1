import { describe, expect, it } from "vitest";
import { staffOf } from "../../../../functions/lib/supervision/queue-snapshot.ts";
import { estimateError } from "../../../../functions/lib/supervision/record-accepted.ts";
import { agentRecord, queueEntry, staff } from "../../support/fixtures.ts";
import { MemorySupervisionStore } from "../../support/memory-supervision.ts";
import { MemoryTable } from "../../support/memory-table.ts";

describe("staffOf", () => {
  it("counts staff serving the queue as available (free slot), busy (no free slot) or away", () => {
    // Prepare
    const online = [
      agentRecord(staff("a"), { activeChats: 0 }),
      agentRecord(staff("b"), { activeChats: 3 }),
      agentRecord(staff("c"), { status: "away" }),
      agentRecord(staff("d", { queues: ["billing"] })),
    ];

    // Act
    const general = staffOf(online, "general");

    // Assess
    expect(general).toEqual({ available: 1, away: 1, busy: 1 });
    expect(staffOf(online, "billing")).toEqual({ available: 2, away: 1, busy: 1 });
  });
});

describe("estimateError", () => {
  it("is the distance between the wait last told and the wait had since", () => {
    // Prepare
    const entry = queueEntry({ lastEstimateSeconds: 120, lastStatusAt: "2026-11-25T14:02:00.000Z" });

    // Act
    const error = estimateError(entry, Date.parse("2026-11-25T14:02:30.000Z"));

    // Assess
    expect(error).toBe(90);
    expect(estimateError(queueEntry({ lastEstimateSeconds: null }), Date.now())).toBeUndefined();
  });
});

describe("the last hour's windows", () => {
  it("sums the windows of the last hour and leaves older ones out", async () => {
    // Prepare
    const store = new MemorySupervisionStore(new MemoryTable());
    const now = Date.parse("2026-11-25T15:05:00.000Z");
    await store.count("general", { abandoned: 1 }, now - 2 * 60 * 60_000);
    await store.count("general", { abandoned: 2, offersTimedOut: 1 }, now - 30 * 60_000);
    await store.count("general", { estimateErrorSum: 40, estimateSamples: 2 }, now);

    // Act
    const hour = await store.lastHour("general", now);

    // Assess
    expect(hour).toEqual({ offersTimedOut: 1, abandoned: 2, estimateErrorSum: 40, estimateSamples: 2 });
  });
});
