import { describe, expect, it } from "vitest";
import {
  firstName,
  joinList,
  normalizeText,
  wordsOf,
} from "../../../../functions/lib/assistant/normalize-text.ts";

describe("normalizeText", () => {
  it.each([
    ["Dirección", "direccion"],
    ["I didn’t authorize it", "i didn't authorize it"],
    ["  Perdí   mi\ttarjeta ", "perdi mi tarjeta"],
    ["Contraseña", "contrasena"],
  ])("folds %j to %j", (text, expected) => {
    // Prepare
    const input = text;

    // Act
    const result = normalizeText(input);

    // Assess
    expect(result).toBe(expected);
  });
});

describe("wordsOf", () => {
  it("drops punctuation but keeps apostrophes", () => {
    // Prepare
    const text = "¡Sí, por favor! Don't wait.";

    // Act
    const words = wordsOf(text);

    // Assess
    expect(words).toEqual(["si", "por", "favor", "don't", "wait"]);
  });
});

describe("joinList", () => {
  it.each([
    [[], ""],
    [["the amount"], "the amount"],
    [["a", "b"], "a and b"],
    [["a", "b", "c"], "a, b and c"],
  ])("joins %j as %j", (items, expected) => {
    // Prepare
    const list = items;

    // Act
    const result = joinList(list, "and");

    // Assess
    expect(result).toBe(expected);
  });
});

describe("firstName", () => {
  it.each([
    ["Maria Lopez", "Maria"],
    ["  José ", "José"],
    ["", undefined],
    [undefined, undefined],
  ])("takes %j to %j", (name, expected) => {
    // Prepare
    const input = name;

    // Act
    const result = firstName(input);

    // Assess
    expect(result).toBe(expected);
  });
});
