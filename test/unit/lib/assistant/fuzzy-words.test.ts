import { describe, expect, it } from "vitest";
import {
  correctTypos,
  correctWord,
  damerauLevenshtein,
} from "../../../../functions/lib/assistant/fuzzy-words.ts";

describe("damerauLevenshtein", () => {
  it.each([
    ["agent", "agent", 0],
    ["agnet", "agent", 1],
    ["lsot", "lost", 1],
    ["usng", "using", 1],
    ["reprsentative", "representative", 1],
    ["supervsior", "supervisor", 1],
    ["card", "cart", 1],
    ["kitten", "sitting", 3],
  ])("between %j and %j is %i", (a, b, expected) => {
    // Prepare
    // Act
    const distance = damerauLevenshtein(a, b);

    // Assess
    expect(distance).toBe(expected);
  });

  it("stops above its limit", () => {
    // Prepare
    // Act
    const distance = damerauLevenshtein("representative", "agent", 2);

    // Assess
    expect(distance).toBe(3);
  });
});

describe("correctTypos", () => {
  it.each([
    ["agnet pls", "agent pls"],
    ["i lsot my crad", "i lost my card"],
    ["dispte a chrage", "dispute a charge"],
    ["somone is usng my card", "someone is using my card"],
    ["anual fee", "annual fee"],
  ])("reads %j as %j", (typed, meant) => {
    // Prepare
    // Act
    const corrected = correctTypos(typed);

    // Assess
    expect(corrected).toBe(meant);
  });

  it.each([
    "most",
    "cost",
    "hard",
    "cart",
    "arent",
    "authorize",
    "credito",
    "manage",
    "juntos",
    "black",
    "pay",
  ])("leaves the real word %j alone", (word) => {
    // Prepare
    // Act
    const corrected = correctWord(word);

    // Assess
    expect(corrected).toBe(word);
  });
});
