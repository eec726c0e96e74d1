import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedNextStatuses,
  CHAT_END_STATUS,
  canMove,
  MOVED_BY_CHAT_END,
} from "../../../../functions/lib/cases/case-status.ts";
import { CASE_STATUSES } from "../../../../functions/lib/data/case-records.ts";

describe("case status transitions", () => {
  it.each([
    ["open", "in-progress", true],
    ["open", "closed", true],
    ["in-progress", "resolved", true],
    ["resolved", "in-progress", true],
    ["resolved", "closed", true],
    ["resolved", "open", false],
    ["closed", "open", false],
    ["closed", "in-progress", false],
  ] as const)("%s -> %s allowed: %s", (from, to, expected) => {
    // Act
    const allowed = canMove(from, to);

    // Assess
    expect(allowed).toBe(expected);
  });

  it("never allows staying in the same status, and closed is final", () => {
    // Prepare
    const status = fc.constantFrom(...CASE_STATUSES);

    // Act / Assess
    fc.assert(fc.property(status, (from) => !canMove(from, from)));
    expect(allowedNextStatuses("closed")).toEqual([]);
  });

  it("can reach closed from every status but closed itself", () => {
    // Act
    const reach = CASE_STATUSES.filter((status) => status !== "closed").map((status) =>
      canMove(status, "closed"),
    );

    // Assess
    expect(reach.every(Boolean)).toBe(true);
  });

  it("moves a chat's case at its end only from a status that allows the move", () => {
    // Act
    const moves = MOVED_BY_CHAT_END.map((status) => canMove(status, CHAT_END_STATUS));

    // Assess
    expect(moves.every(Boolean)).toBe(true);
    expect(MOVED_BY_CHAT_END).not.toContain("closed");
  });
});
