import { describe, expect, it } from "vitest";
import { describeDetails, formatAmount } from "../../../../functions/lib/assistant/format-details.ts";
import type { Currency } from "../../../../functions/lib/assistant/types.ts";

describe("formatAmount", () => {
  it.each<[string, Currency | undefined, string]>([
    ["127.43", "USD", "$127.43"],
    ["1234.56", "USD", "$1,234.56"],
    ["20", "EUR", "€20"],
    ["15.50", "GBP", "£15.50"],
    ["300", "MXN", "MXN 300"],
    ["1234567", undefined, "1,234,567"],
  ])("formats %s %s as %s", (amount, currency, expected) => {
    // Prepare
    const input = { amount, currency };

    // Act
    const result = formatAmount(input.amount, input.currency);

    // Assess
    expect(result).toBe(expected);
  });
});

describe("describeDetails", () => {
  it("labels the known fields in the agent's order, in English and Spanish", () => {
    // Prepare
    const details = { cardLast4: "1234", merchant: "XYZ Store", amount: "127.43", currency: "USD" as const };

    // Act
    const english = describeDetails(details, "en");
    const spanish = describeDetails(details, "es");

    // Assess
    expect(english.map((line) => `${line.label}: ${line.value}`)).toEqual([
      "Amount: $127.43",
      "Merchant: XYZ Store",
      "Card ending in: 1234",
    ]);
    expect(spanish.map((line) => line.label)).toEqual(["Monto", "Comercio", "Tarjeta terminada en"]);
  });

  it("limits the lines to the fields asked for", () => {
    // Prepare
    const details = { amount: "5", date: "08/15", cardLast4: "1234" };

    // Act
    const lines = describeDetails(details, "en", ["cardLast4"]);

    // Assess
    expect(lines).toEqual([{ field: "cardLast4", label: "Card ending in", value: "1234" }]);
  });
});
