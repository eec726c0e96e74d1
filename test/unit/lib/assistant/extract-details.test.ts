import { describe, expect, it } from "vitest";
import {
  extractAccommodations,
  extractAmount,
  extractCardLast4,
  extractDate,
  extractDetails,
  mergeDetails,
} from "../../../../functions/lib/assistant/extract-details.ts";
import type { ExtractedDetails } from "../../../../functions/lib/assistant/types.ts";

describe("extractDetails", () => {
  it("reads amount, date, merchant and no card from the guide's example", () => {
    // Prepare
    const text = "I want to dispute a $127.43 charge from XYZ Store on 08/15 that I didn't authorize";

    // Act
    const details = extractDetails(text);

    // Assess
    expect(details).toEqual({ amount: "127.43", currency: "USD", date: "08/15", merchant: "XYZ Store" });
  });

  it("reads a Spanish message", () => {
    // Prepare
    const text = "Un cargo de 50 dólares de la tienda Zara el 15 de agosto, tarjeta terminada en 1234";

    // Act
    const details = extractDetails(text);

    // Assess
    expect(details).toEqual({
      amount: "50",
      currency: "USD",
      date: "15 de agosto",
      merchant: "Zara",
      cardLast4: "1234",
    });
  });

  it("returns nothing for a message without details", () => {
    // Prepare
    const text = "Is chat open 24/7?";

    // Act
    const details = extractDetails(text);

    // Assess
    expect(details).toEqual({});
  });
});

describe("extractAmount", () => {
  it.each([
    ["$127.43", { amount: "127.43", currency: "USD" }],
    ["127.43 dollars", { amount: "127.43", currency: "USD" }],
    ["USD 50", { amount: "50", currency: "USD" }],
    ["€20", { amount: "20", currency: "EUR" }],
    ["£15.50 at Tesco", { amount: "15.50", currency: "GBP" }],
    ["it was 1,234.56", { amount: "1234.56" }],
    ["$1,234.56", { amount: "1234.56", currency: "USD" }],
    ["300 pesos", { amount: "300", currency: "MXN" }],
    ["card ending 1234", {}],
    ["on 08/15", {}],
  ])("reads %j", (text, expected) => {
    // Prepare
    const message = text;

    // Act
    const result = extractAmount(message);

    // Assess
    expect(result).toEqual(expected);
  });
});

describe("extractDate", () => {
  it.each([
    ["on 08/15", "08/15"],
    ["on 8/15/2026 at noon", "8/15/2026"],
    ["on Aug 15", "Aug 15"],
    ["on August 15, 2026", "August 15, 2026"],
    ["posted 2026-08-15", "2026-08-15"],
    ["el 15 de agosto", "15 de agosto"],
    ["el 3 de marzo de 2026", "3 de marzo de 2026"],
    ["on the 15th of August", "15th of August"],
  ])("reads %j as %j", (text, expected) => {
    // Prepare
    const message = text;

    // Act
    const result = extractDate(message);

    // Assess
    expect(result).toBe(expected);
  });

  it.each(["Is chat open 24/7?", "It cost $127.43", "on 13/45", "I may need help"])(
    "finds no date in %j",
    (text) => {
      // Prepare
      const message = text;

      // Act
      const result = extractDate(message);

      // Assess
      expect(result).toBeUndefined();
    },
  );
});

describe("extractCardLast4", () => {
  it.each([
    ["card ending 1234", "1234"],
    ["the card ending in 5678", "5678"],
    ["last 4 digits 4321", "4321"],
    ["the last four digits are 9876", "9876"],
    ["tarjeta terminada en 2468", "2468"],
    ["los últimos 4 dígitos son 1357", "1357"],
    ["[card ending 1111]", "1111"],
    ["card xxxx1234", "1234"],
  ])("reads %j as %s", (text, expected) => {
    // Prepare
    const message = text;

    // Act
    const result = extractCardLast4(message);

    // Assess
    expect(result).toBe(expected);
  });

  it.each(["ending in 12345", "my code is 1234", "call 1-800-528-4800"])("finds no card in %j", (text) => {
    // Prepare
    const message = text;

    // Act
    const result = extractCardLast4(message);

    // Assess
    expect(result).toBeUndefined();
  });
});

describe("extractAccommodations", () => {
  it.each([
    ["I use a screen reader", ["screen-reader"]],
    ["I need more time, please", ["more-time"]],
    ["Please send me a written summary", ["written-summary"]],
    ["I am hard of hearing", ["hard-of-hearing"]],
    ["Uso un lector de pantalla y necesito más tiempo", ["screen-reader", "more-time"]],
    ["My card was declined", []],
  ])("reads %j", (text, expected) => {
    // Prepare
    const message = text;

    // Act
    const result = extractAccommodations(message);

    // Assess
    expect(result).toEqual(expected);
  });
});

describe("mergeDetails", () => {
  it("lets newer values win and keeps older ones the message did not mention", () => {
    // Prepare
    const previous: ExtractedDetails = {
      amount: "127.43",
      currency: "USD",
      date: "08/15",
      merchant: "XYZ Store",
    };
    const next: ExtractedDetails = { amount: "27.43", cardLast4: "1234" };

    // Act
    const merged = mergeDetails(previous, next);

    // Assess
    expect(merged).toEqual({ amount: "27.43", date: "08/15", merchant: "XYZ Store", cardLast4: "1234" });
  });

  it("accumulates accommodations without duplicates", () => {
    // Prepare
    const previous: ExtractedDetails = { accommodations: ["screen-reader"] };
    const next: ExtractedDetails = { accommodations: ["more-time", "screen-reader"] };

    // Act
    const merged = mergeDetails(previous, next);

    // Assess
    expect(merged.accommodations).toEqual(["screen-reader", "more-time"]);
  });
});
