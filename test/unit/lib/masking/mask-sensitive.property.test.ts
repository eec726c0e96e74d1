import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskSensitive } from "../../../../functions/lib/masking/index.ts";

function checkDigit(payload: string): string {
  let sum = 0;
  for (let index = 0; index < payload.length; index++) {
    // The check digit will sit to the right, so the rightmost payload digit is the first one doubled.
    let digit = Number(payload[payload.length - 1 - index]);
    if (index % 2 === 0) {
      digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

const digit = fc.constantFrom(..."0123456789");

const luhnValidCard = fc
  .integer({ min: 13, max: 19 })
  .chain((length) => fc.array(digit, { minLength: length - 1, maxLength: length - 1 }))
  .map((payload) => payload.join("") + checkDigit(payload.join("")));

function inGroups(card: string, sizes: readonly number[], separator: string): string {
  const groups: string[] = [];
  let start = 0;
  for (const size of sizes) {
    if (start < card.length) {
      groups.push(card.slice(start, start + size));
      start += size;
    }
  }
  if (start < card.length) {
    groups.push(card.slice(start));
  }
  return groups.join(separator);
}

const separator = fc.constantFrom(" ", "-", ".", "  ", " - ");

/** A card as people type it: bare, in the usual groupings, or split anywhere with mixed separators. */
const renderedCard = luhnValidCard.chain((card) =>
  fc.record({
    card: fc.constant(card),
    rendered: fc.oneof(
      fc.constant(card),
      fc.constantFrom(" ", "-").map((sep) => inGroups(card, [4, 4, 4, 4, 4], sep)),
      fc.constantFrom(" ", "-").map((sep) => inGroups(card, [4, 6, 5], sep)),
      fc.constant([...card].join(" ")),
      fc
        .array(fc.constantFrom("", "", "", " ", "-", ".", "  ", " - "), {
          minLength: card.length - 1,
          maxLength: card.length - 1,
        })
        .map((separators) => [...card].map((char, index) => char + (separators[index] ?? "")).join("")),
      fc
        .tuple(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 19 }), separator)
        .map(([sizes, sep]) => inGroups(card, sizes, sep)),
    ),
  }),
);

const word = fc.constantFrom(
  "my",
  "card",
  "is",
  "number",
  "cvv",
  "code",
  "ssn",
  "otp",
  "tarjeta",
  "número",
  "ending",
  "¿qué?",
  "thanks!",
  "(see)",
  "-",
  ".",
  "$",
  "[",
  "]",
  "🙂",
);

const digitFreeText = fc
  .array(fc.tuple(word, fc.constantFrom(" ", "  ", "\n", ", ", ": ", "")), { maxLength: 8 })
  .map((parts) => parts.map(([token, gap]) => token + gap).join(""));

const SEPARATORS = /[\s.-]/g;

describe("maskSensitive properties", () => {
  it("hides every Luhn-valid card, however it is typed and wherever it sits, keeping its last four", () => {
    fc.assert(
      fc.property(renderedCard, digitFreeText, digitFreeText, ({ card, rendered }, before, after) => {
        // Prepare
        const text = `${before} ${rendered} ${after}`;

        // Act
        const result = maskSensitive(text);

        // Assess
        expect(result.text).not.toContain(card);
        expect(result.text.replace(SEPARATORS, "")).not.toContain(card);
        expect(result.text.replace(/\D/g, "")).toBe(card.slice(-4));
        expect(result.text).toContain(`[card ending ${card.slice(-4)}]`);
        expect(result.redacted).toBe(true);
        expect(result.kinds).toContain("card-number");
      }),
      { numRuns: 500 },
    );
  });

  it("still hides a card typed right next to other short numbers", () => {
    const neighbours = fc
      .array(fc.array(digit, { minLength: 1, maxLength: 4 }), { maxLength: 2 })
      .map((numbers) => numbers.map((digits) => digits.join("")).join(" "));
    fc.assert(
      fc.property(renderedCard, neighbours, neighbours, ({ card, rendered }, before, after) => {
        // Prepare
        const text = `ref ${before} ${rendered} ${after} ok`;

        // Act
        const result = maskSensitive(text);

        // Assess
        expect(result.text.replace(SEPARATORS, "")).not.toContain(card);
        expect(result.redacted).toBe(true);
        expect(result.kinds).toContain("card-number");
      }),
      { numRuns: 500 },
    );
  });

  it("returns text without digits as the identical string", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), digitFreeText).map((text) => text.replace(/\d/g, "")),
        (text) => {
          // Prepare
          const input = text;

          // Act
          const result = maskSensitive(input);

          // Assess
          expect(result).toEqual({ text: input, redacted: false, kinds: [] });
          expect(result.text).toBe(input);
        },
      ),
    );
  });

  const messageToken = fc.oneof(
    word,
    fc.constantFrom(
      "the code is",
      "security code",
      "código",
      "seguro social",
      "one-time passcode",
      "[card ending 1111]",
      "[security code hidden]",
      "[SSN hidden]",
      "[passcode hidden]",
      "CC-261125-7K3M9Q",
      "$127.43",
      "2026-08-15",
      "1-800-528-4800",
      "123-45-6789",
    ),
    fc.array(digit, { minLength: 1, maxLength: 20 }).map((digits) => digits.join("")),
    renderedCard.map(({ rendered }) => rendered),
  );
  const message = fc
    .array(fc.tuple(messageToken, fc.constantFrom(" ", "", "-", ".", ", ", "\n")), { maxLength: 14 })
    .map((parts) => parts.map(([token, gap]) => token + gap).join(""));

  it("is idempotent: masking the masked output changes nothing", () => {
    fc.assert(
      fc.property(message, (text) => {
        // Prepare
        const once = maskSensitive(text);

        // Act
        const twice = maskSensitive(once.text);

        // Assess
        expect(twice.text).toBe(once.text);
        expect(twice.redacted).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("reports redacted and kinds consistently with the text it returns", () => {
    fc.assert(
      fc.property(message, (text) => {
        // Prepare
        const input = text;

        // Act
        const result = maskSensitive(input);

        // Assess
        expect(result.redacted).toBe(result.text !== input);
        expect(result.redacted).toBe(result.kinds.length > 0);
        expect(new Set(result.kinds).size).toBe(result.kinds.length);
      }),
      { numRuns: 500 },
    );
  });
});
