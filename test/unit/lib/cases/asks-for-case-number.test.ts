import { describe, expect, it } from "vitest";
import {
  asksForCaseNumber,
  onlyAsksForCaseNumber,
  questionLanguage,
} from "../../../../functions/lib/cases/asks-for-case-number.ts";

describe("asksForCaseNumber", () => {
  it.each([
    "Can I get a case number?",
    "can i get a case numbr pls",
    "What's my reference number?",
    "ref no please",
    "Do I have a ticket number for this?",
    "case # please",
    "¿Me puede dar un número de caso?",
    "cual es mi numero de caso",
    "Necesito el número de referencia",
    "me da un folio?",
    "quiero el no. de caso",
  ])("hears %j", (text) => {
    // Act
    const asked = asksForCaseNumber(text);

    // Assess
    expect(asked).toBe(true);
  });

  it.each([
    "I lost my card",
    "In case my number changes, what do I do?",
    "My phone number is new",
    "Quiero pagar mi factura",
    "the casino charged me",
    "What is the number to call?",
  ])("does not hear a request in %j", (text) => {
    // Act
    const asked = asksForCaseNumber(text);

    // Assess
    expect(asked).toBe(false);
  });
});

describe("onlyAsksForCaseNumber", () => {
  it.each([
    ["Can I get a case number?", true],
    ["Hi, what's my case number please", true],
    ["¿Me puede dar un número de caso, por favor?", true],
    ["I lost my card, can I get a case number?", false],
    ["Perdí mi tarjeta, ¿cuál es mi número de caso?", false],
  ])("%j alone: %s", (text, alone) => {
    // Act
    const only = onlyAsksForCaseNumber(text);

    // Assess
    expect(only).toBe(alone);
  });
});

describe("questionLanguage", () => {
  it("tells the question's language when only one matches", () => {
    // Act
    const languages = [questionLanguage("Can I get a case number?"), questionLanguage("¿número de caso?")];

    // Assess
    expect(languages).toEqual(["en", "es"]);
  });
});
