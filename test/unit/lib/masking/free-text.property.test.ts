import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskFreeText } from "../../../../functions/lib/masking/index.ts";
import { inScript, luhnCheckDigit, SCRIPTS, type Script, SEPARATORS } from "../../../support/card-corpus.ts";
import { digitsOf } from "../../../support/card-scanner.ts";

const digit = fc.constantFrom(..."0123456789");
const script = fc.constantFrom(...(Object.keys(SCRIPTS) as Script[]));

const luhnValidCard = fc
  .integer({ min: 13, max: 19 })
  .chain((length) => fc.array(digit, { minLength: length - 1, maxLength: length - 1 }))
  .map((payload) => payload.join("") + luhnCheckDigit(payload.join("")));

/** Between two digit groups: nothing, or one to three separators of any kind, invisible ones included. */
const gap = fc.oneof(
  fc.constant(""),
  fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 2 }).map((parts) => parts.join("")),
  fc.constantFrom("\u200b", "\u2060", "\ufeff", "\u00ad", " \n", "\t", "\u3000"),
);

/** A card as someone might type it: random groups, a random gap after each, each group in a random script. */
const spelledCard = luhnValidCard.chain((card) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 6 }), gap, script), { minLength: 19, maxLength: 19 })
    .map((parts) => {
      let spelled = "";
      let start = 0;
      for (const [size, separator, chosen] of parts) {
        if (start >= card.length) break;
        spelled += inScript(card.slice(start, start + size), chosen);
        start += size;
        if (start < card.length) spelled += separator;
      }
      return { card, spelled };
    }),
);

const words = fc.constantFrom(
  "my card is",
  "mi tarjeta es",
  "número",
  "please",
  "por favor",
  "¿puede ayudarme?",
  "thanks!",
  "the charge",
  "el cargo",
  "\n",
  "(see)",
  "🙂",
  "—",
);
const prose = fc.array(words, { maxLength: 6 }).map((parts) => parts.join(" "));

const month = fc.integer({ min: 1, max: 12 }).map((value) => String(value).padStart(2, "0"));
const expiry = fc
  .tuple(month, fc.integer({ min: 26, max: 35 }), fc.constantFrom("/", "-", " / "), script)
  .map(([mm, yy, separator, chosen]) => inScript(`${mm}${separator}${yy}`, chosen));
const expiryWords = fc.constantFrom("exp", "expires", "vence", "vencimiento", "valid thru", "");
const codeWords = fc.constantFrom("cvv", "CVC", "cid", "security code", "código de seguridad", "cvv\n");
const securityCode = fc
  .tuple(fc.integer({ min: 100, max: 9999 }), script)
  .map(([code, chosen]) => inScript(String(code), chosen));

describe("maskFreeText properties", () => {
  it("leaves at most four digits of a card however it is spelled, with its expiry and security code", () => {
    fc.assert(
      fc.property(
        spelledCard,
        prose,
        prose,
        fc.tuple(expiryWords, expiry, codeWords, securityCode),
        ({ card, spelled }, before, after, [expiryWord, date, codeWord, code]) => {
          // Prepare
          const text = `${before} ${spelled} ${expiryWord} ${date} ${codeWord} ${code} ${after}`;

          // Act
          const result = maskFreeText(text, { field: "text" });

          // Assess
          expect(digitsOf(result.text).length).toBeLessThanOrEqual(4);
          expect(digitsOf(result.text)).not.toContain(card.slice(0, 5));
          expect(result.redacted).toBe(true);
          expect(result.kinds).toContain("card-number");
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("keeps only the last four digits of a bare card, whatever surrounds it", () => {
    fc.assert(
      fc.property(spelledCard, prose, prose, ({ card, spelled }, before, after) => {
        // Act
        const result = maskFreeText(`${before} ${spelled} ${after}`);

        // Assess
        expect(digitsOf(result.text)).toBe(card.slice(-4));
        expect(result.text).toContain(`[card ending ${card.slice(-4)}]`);
      }),
      { numRuns: 1_000 },
    );
  });

  it("keeps every character around a masked card as typed", () => {
    fc.assert(
      fc.property(spelledCard, prose, prose, ({ spelled }, before, after) => {
        // Act
        const result = maskFreeText(`${before}\u2063${spelled}\u2063${after}`);

        // Assess
        expect(result.text.startsWith(`${before}\u2063`)).toBe(true);
        expect(result.text.endsWith(`\u2063${after}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent on any spelling", () => {
    fc.assert(
      fc.property(spelledCard, prose, ({ spelled }, around) => {
        // Prepare
        const once = maskFreeText(`${around} ${spelled} ${around}`);

        // Act
        const twice = maskFreeText(once.text);

        // Assess
        expect(twice).toEqual({ text: once.text, redacted: false, kinds: [] });
      }),
      { numRuns: 300 },
    );
  });
});
