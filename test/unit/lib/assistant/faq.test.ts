import { describe, expect, it } from "vitest";
import { askedQuestions, type FaqQuestion } from "../../../../functions/lib/assistant/faq.ts";

describe("askedQuestions", () => {
  it.each<[string, FaqQuestion[]]>([
    ["Is chat available 24/7?", ["availability"]],
    ["What are your hours?", ["availability"]],
    ["Can I chat in Spanish?", ["availability"]],
    ["¿Cuál es el horario del chat?", ["availability"]],
    ["¿Hablan español?", ["availability"]],
    ["Will you ask for my card number?", ["never-asks-for"]],
    ["Should I give you my security code?", ["never-asks-for"]],
    ["Is it safe to type my password here?", ["never-asks-for"]],
    ["¿Me pedirán mi contraseña?", ["never-asks-for"]],
    ["¿Debo dar mi número de Seguro Social?", ["never-asks-for"]],
    ["How long do I have to dispute a charge?", ["dispute-timeline"]],
    ["What is the deadline?", ["dispute-timeline"]],
    ["¿Cuánto tiempo tarda una disputa?", ["dispute-timeline"]],
    ["¿Cuál es el plazo?", ["dispute-timeline"]],
  ])("recognises %j", (text, expected) => {
    // Prepare
    const message = text;

    // Act
    const result = askedQuestions(message);

    // Assess
    expect(result).toEqual(expected);
  });

  it.each([
    "I lost my card",
    "Is a credit limit increase available to me?",
    "I want to verify my points balance",
  ])("finds no common question in %j", (text) => {
    // Prepare
    const message = text;

    // Act
    const result = askedQuestions(message);

    // Assess
    expect(result).toEqual([]);
  });

  it("lists several questions in a fixed order", () => {
    // Prepare
    const text = "How long do I have to dispute, and is chat open 24/7, and will you ask for my password?";

    // Act
    const result = askedQuestions(text);

    // Assess
    expect(result).toEqual(["availability", "never-asks-for", "dispute-timeline"]);
  });
});
