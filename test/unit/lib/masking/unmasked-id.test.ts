import { describe, expect, it } from "vitest";
import { maskFreeText, newUnmaskedId } from "../../../../functions/lib/masking/index.ts";

describe("newUnmaskedId", () => {
  it("draws again when the id holds what the masking takes for a card number", () => {
    // Prepare: a UUID whose digits across dashes are a Luhn-valid 13-digit run.
    const cardLike = "a1808979-4483-407d-9680-902a62656af4";
    const draws = [cardLike, "0f8fad5b-d9cb-469f-a165-70867728950e"];

    // Act
    const id = newUnmaskedId(() => draws.shift() as string);

    // Assess
    expect(maskFreeText(cardLike).text).not.toBe(cardLike);
    expect(id).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
  });

  it("gives distinct ids that the masking leaves alone, however many are drawn", () => {
    // Act: 3,000 plain UUIDs would hold about ten that masking changes.
    const ids = Array.from({ length: 3_000 }, () => newUnmaskedId());

    // Assess
    expect(ids.every((id) => maskFreeText(id).text === id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
