import { describe, expect, it } from "vitest";
import { bareMerchantAnswer, extractMerchant } from "../../../../functions/lib/assistant/extract-merchant.ts";

describe("extractMerchant", () => {
  it.each([
    ["a $127.43 charge from XYZ Store on 08/15", "XYZ Store"],
    ["I bought it at Amazon", "Amazon"],
    ["a charge by Delta for my flight", "Delta"],
    ["a charge from amazon yesterday", "amazon"],
    ["I shopped at Barnes & Noble last week", "Barnes & Noble"],
    ["compré algo de la tienda Zara", "Zara"],
    ["un cargo de Netflix", "Netflix"],
    ["The merchant is Best Buy.", "Best Buy"],
    ["merchant: corner deli", "corner deli"],
    ["fue el 3 de marzo en Liverpool", "Liverpool"],
  ])("finds the merchant in %j", (text, expected) => {
    // Prepare
    const message = text;

    // Act
    const result = extractMerchant(message);

    // Assess
    expect(result).toBe(expected);
  });

  it.each([
    "I need money from my account",
    "I'm busy at the moment",
    "I will pay by August 15",
    "a charge from my checking account",
    "un cargo por mora",
    "el 15 de Agosto",
  ])("finds no merchant in %j", (text) => {
    // Prepare
    const message = text;

    // Act
    const result = extractMerchant(message);

    // Assess
    expect(result).toBeUndefined();
  });
});

describe("bareMerchantAnswer", () => {
  it.each([
    ["Amazon", "Amazon"],
    ["It was Best Buy.", "Best Buy"],
    ["at Target", "Target"],
    ["fue en Liverpool", "Liverpool"],
  ])("reads %j as the name %j", (text, expected) => {
    // Prepare
    const message = text;

    // Act
    const result = bareMerchantAnswer(message);

    // Assess
    expect(result).toBe(expected);
  });

  it.each([
    "yes",
    "I don't know",
    "no sé",
    "$40 on 08/15",
    "What do you mean?",
    "this is a much longer sentence",
  ])("does not read %j as a name", (text) => {
    // Prepare
    const message = text;

    // Act
    const result = bareMerchantAnswer(message);

    // Assess
    expect(result).toBeUndefined();
  });
});
