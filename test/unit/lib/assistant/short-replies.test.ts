import { describe, expect, it } from "vitest";
import { isAffirmative, isNegative, isThanks } from "../../../../functions/lib/assistant/short-replies.ts";

describe("isAffirmative", () => {
  it.each([
    "yes",
    "Yes!",
    "yeah sure",
    "sure",
    "please",
    "Yes please",
    "ok",
    "Sí",
    "sí, por favor",
    "si",
    "por favor",
    "claro",
  ])("reads %j as a yes", (text) => {
    // Prepare
    const reply = text;

    // Act
    const result = isAffirmative(reply);

    // Assess
    expect(result).toBe(true);
  });

  it.each([
    "no",
    "ok, I'll call them",
    "si no puedo pagar",
    "please confirm next steps and the expected timeline",
    "yes, and also my card was stolen yesterday",
    "",
  ])("does not read %j as a yes", (text) => {
    // Prepare
    const reply = text;

    // Act
    const result = isAffirmative(reply);

    // Assess
    expect(result).toBe(false);
  });
});

describe("isNegative", () => {
  it.each([
    ["no", true],
    ["No thanks", true],
    ["not now", true],
    ["ahora no", true],
    ["no, gracias", true],
    ["yes", false],
    ["no me llegó la tarjeta nueva todavía", false],
  ])("reads %j as %s", (text, expected) => {
    // Prepare
    const reply = text;

    // Act
    const result = isNegative(reply);

    // Assess
    expect(result).toBe(expected);
  });
});

describe("isThanks", () => {
  it.each([
    ["Thanks!", true],
    ["thank you, that's all", true],
    ["ok thanks", true],
    ["Muchas gracias", true],
    ["eso es todo", true],
    ["I want to dispute a charge", false],
  ])("reads %j as %s", (text, expected) => {
    // Prepare
    const reply = text;

    // Act
    const result = isThanks(reply);

    // Assess
    expect(result).toBe(expected);
  });
});
