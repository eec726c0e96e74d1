import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CASE_NUMBER_PATTERN, newCaseNumber } from "../../../../functions/lib/cases/case-number.ts";
import { maskSensitive } from "../../../../functions/lib/masking/index.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Any instant a chat could end, from 2000 to 2099 (the date part has a two-digit year). */
const endedAt = fc.date({
  min: new Date("2000-01-01T00:00:00.000Z"),
  max: new Date("2099-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

/** Every string the documented format allows, not only the ones the random draw happened to give. */
const anyCaseNumber = fc
  .tuple(
    fc.array(fc.constantFrom(..."0123456789"), { minLength: 6, maxLength: 6 }),
    fc.array(fc.constantFrom(...CROCKFORD), { minLength: 6, maxLength: 6 }),
  )
  .map(([date, suffix]) => `CC-${date.join("")}-${suffix.join("")}`);

const digitCount = (text: string) => text.replace(/\D/g, "").length;

describe("newCaseNumber", () => {
  it("matches CASE_NUMBER_PATTERN", () => {
    // Prepare
    const now = new Date("2026-11-25T14:03:00.000Z");

    // Act
    const caseNumber = newCaseNumber(now);

    // Assess
    expect(caseNumber).toMatch(CASE_NUMBER_PATTERN);
  });

  it("reads CC-YYMMDD-XXXXXX with the date the chat ended", () => {
    // Prepare
    const now = new Date("2026-03-07T09:30:00.000Z");

    // Act
    const caseNumber = newCaseNumber(now);

    // Assess
    expect(caseNumber.startsWith("CC-260307-")).toBe(true);
    expect(caseNumber).toHaveLength("CC-YYMMDD-XXXXXX".length);
  });

  it.each([
    ["late evening in New York, already the next day in UTC", "2026-12-31T23:30:00-05:00", "270101"],
    ["early morning in Tokyo, still the previous day in UTC", "2026-06-01T02:00:00+09:00", "260531"],
    ["the last millisecond of a UTC day", "2026-02-28T23:59:59.999Z", "260228"],
    ["a leap day", "2028-02-29T12:00:00Z", "280229"],
  ])("uses the UTC date for %s", (_case, instant, expected) => {
    // Prepare
    const now = new Date(instant);

    // Act
    const caseNumber = newCaseNumber(now);

    // Assess
    expect(caseNumber.slice(3, 9)).toBe(expected);
  });

  it("uses the current date when no date is given", () => {
    // Prepare
    const before = new Date().toISOString().slice(2, 10).replaceAll("-", "");

    // Act
    const caseNumber = newCaseNumber();

    // Assess
    const after = new Date().toISOString().slice(2, 10).replaceAll("-", "");
    expect([before, after]).toContain(caseNumber.slice(3, 9));
  });

  it("never contains I, L, O or U, whatever the date", () => {
    fc.assert(
      fc.property(endedAt, (now) => {
        // Prepare: the instant comes from fast-check.

        // Act
        const caseNumber = newCaseNumber(now);

        // Assess
        expect(caseNumber).toMatch(CASE_NUMBER_PATTERN);
        expect(caseNumber).not.toMatch(/[ILOU]/);
        expect(caseNumber.slice(3, 9)).toBe(now.toISOString().slice(2, 10).replaceAll("-", ""));
      }),
      { numRuns: 500 },
    );
  });

  it("draws the suffix at random, so two chats ending at the same moment get different numbers", () => {
    // Prepare
    const now = new Date("2026-11-25T14:03:00.000Z");

    // Act
    const drawn = new Set(Array.from({ length: 50 }, () => newCaseNumber(now)));

    // Assess: 50 draws among 32^6 suffixes collide with a probability below 1e-6.
    expect(drawn.size).toBe(50);
  });

  it("draws suffix characters from the whole Crockford alphabet", () => {
    // Prepare
    const now = new Date("2026-11-25T14:03:00.000Z");

    // Act
    const seen = new Set(
      Array.from({ length: 2_000 }, () => newCaseNumber(now).slice(-6)).flatMap((suffix) => [...suffix]),
    );

    // Assess: 12,000 draws of 32 letters miss one with a probability below 1e-80.
    expect([...seen].sort().join("")).toBe(CROCKFORD);
  });
});

describe("case numbers and masking", () => {
  it("a generated case number never has 13 or more digits and is never masked", () => {
    fc.assert(
      fc.property(endedAt, (now) => {
        // Prepare
        const caseNumber = newCaseNumber(now);

        // Act
        const masked = maskSensitive(caseNumber);

        // Assess
        expect(digitCount(caseNumber)).toBeLessThan(13);
        expect(masked.redacted).toBe(false);
        expect(masked.text).toBe(caseNumber);
      }),
      { numRuns: 1_000 },
    );
  });

  it("no string of the documented format has 13 or more digits or is masked", () => {
    fc.assert(
      fc.property(anyCaseNumber, (caseNumber) => {
        // Prepare: the case number comes from fast-check.

        // Act
        const masked = maskSensitive(caseNumber);

        // Assess
        expect(caseNumber).toMatch(CASE_NUMBER_PATTERN);
        expect(digitCount(caseNumber)).toBeLessThanOrEqual(12);
        expect(masked.redacted).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each(["CC-261125-123456", "CC-261125-000000", "CC-411111-111111", "CC-378282-246310"])(
    "leaves the all-digit case number %s alone",
    (caseNumber) => {
      // Prepare
      const text = caseNumber;

      // Act
      const masked = maskSensitive(text);

      // Assess
      expect(masked.redacted).toBe(false);
    },
  );

  it("is not masked when quoted in the sentences a customer or agent would write", () => {
    fc.assert(
      fc.property(
        anyCaseNumber,
        fc.constantFrom(
          "My case number is %s",
          "case %s please",
          "Your case number: %s.",
          "I was given %s yesterday",
          "ref %s",
          "Your code is %s",
          "the case code %s, the one you texted me",
          "número de caso %s, código %s",
        ),
        (caseNumber, sentence) => {
          // Prepare
          const text = sentence.replaceAll("%s", caseNumber);

          // Act
          const masked = maskSensitive(text);

          // Assess
          expect(masked.redacted).toBe(false);
          expect(masked.text).toContain(caseNumber);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
