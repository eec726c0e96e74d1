import { describe, expect, it } from "vitest";
import { isLuhnValid } from "../../../../functions/lib/masking/luhn.ts";

describe("isLuhnValid", () => {
  it.each([
    "4111111111111111",
    "378282246310005",
    "5555555555554444",
    "6011111111111117",
    "4222222222222",
    "0",
    "18",
  ])("accepts %s, which passes the mod 10 check", (digits) => {
    // Prepare
    const input = digits;

    // Act
    const valid = isLuhnValid(input);

    // Assess
    expect(valid).toBe(true);
  });

  it.each(["4111111111111112", "378282246310006", "1234567890123", "19"])(
    "rejects %s, whose check digit is wrong",
    (digits) => {
      // Prepare
      const input = digits;

      // Act
      const valid = isLuhnValid(input);

      // Assess
      expect(valid).toBe(false);
    },
  );

  it.each(["", "4111 1111 1111 1111", "4111-1111-1111-1111", "41111111111a1111", "４１１１"])(
    "rejects %j, which is not made of ASCII digits only",
    (input) => {
      // Prepare
      const digits = input;

      // Act
      const valid = isLuhnValid(digits);

      // Assess
      expect(valid).toBe(false);
    },
  );

  it("rejects every single-digit change of a valid number", () => {
    // Prepare
    const valid = "4111111111111111";
    const changed: string[] = [];
    for (let index = 0; index < valid.length; index++) {
      for (const digit of "0123456789") {
        if (digit !== valid[index]) {
          changed.push(valid.slice(0, index) + digit + valid.slice(index + 1));
        }
      }
    }

    // Act
    const accepted = changed.filter((candidate) => isLuhnValid(candidate));

    // Assess
    expect(accepted).toEqual([]);
  });
});
