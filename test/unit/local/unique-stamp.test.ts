import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { maskFreeText } from "../../../functions/lib/masking/index.ts";
import { uniqueStamp } from "../../../local/unique-stamp.ts";

describe("uniqueStamp", () => {
  it("never makes an id that the frame masking would take for a card number, unlike a millisecond timestamp", () => {
    // Prepare: 1796224053415 ms is a Luhn-valid 13-digit number (it broke a named invitation once).
    const cardLike = "agent-1796224053415-7";

    // Act
    const masked = maskFreeText(cardLike).text;

    // Assess
    expect(masked).not.toBe(cardLike);
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000_000, max: 4_000_000_000_000 }), (now) => {
        vi.spyOn(Date, "now").mockReturnValue(now);
        const id = `agent-${uniqueStamp()}-7`;
        vi.restoreAllMocks();
        return maskFreeText(id).text === id;
      }),
    );
  });
});
