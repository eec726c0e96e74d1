import { describe, expect, it } from "vitest";
import { HOLE_SETTLE_MS, settledHoles } from "../../../../functions/lib/chat/seq-gaps.ts";

const NOW = Date.parse("2026-12-01T20:00:00.000Z");
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();

describe("settledHoles", () => {
  it("closes a hole only once the next message after it (or the last reservation) is older than the settle time", () => {
    // Prepare: messages 1, 3 (old) and 6 (recent); 5 is closed already; 2, 4 and 7 are holes.
    const range = {
      messages: [
        { seq: 1, sentAt: at(HOLE_SETTLE_MS * 3) },
        { seq: 3, sentAt: at(HOLE_SETTLE_MS * 2) },
        { seq: 6, sentAt: at(1_000) },
      ],
      voided: [5],
    };

    // Act
    const recentEnd = settledHoles(range, 0, 7, at(500), NOW);
    const oldEnd = settledHoles(range, 0, 7, at(HOLE_SETTLE_MS + 1), NOW);
    const afterTwo = settledHoles(range, 2, 7, at(HOLE_SETTLE_MS + 1), NOW);

    // Assess: 2 precedes an old message; 4 precedes a recent one; 7 is at the end.
    expect(recentEnd).toEqual([2]);
    expect(oldEnd).toEqual([2, 7]);
    expect(afterTwo).toEqual([7]);
  });

  it("finds nothing in a gapless range", () => {
    // Act
    const holes = settledHoles(
      { messages: [{ seq: 1, sentAt: at(0) }], voided: [] },
      0,
      1,
      at(HOLE_SETTLE_MS * 9),
      NOW,
    );

    // Assess
    expect(holes).toEqual([]);
  });
});
