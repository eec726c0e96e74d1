import { describe, expect, it } from "vitest";
import { explainRedaction, maskSensitive } from "../../../../functions/lib/masking/index.ts";

describe("maskSensitive", () => {
  it("masks every kind in one message and lists each kind once, in a fixed order", () => {
    // Prepare
    const text =
      "code is 482913. Card 4111 1111 1111 1111 cvv 123, other card 5555-5555-5555-4444, ssn 123-45-6789";

    // Act
    const result = maskSensitive(text);

    // Assess
    expect(result).toEqual({
      text: "code is [passcode hidden]. Card [card ending 1111] cvv [security code hidden], other card [card ending 4444], ssn [SSN hidden]",
      redacted: true,
      kinds: ["card-number", "security-code", "ssn", "one-time-passcode"],
    });
  });

  it("masks the card before looking for short codes, so its last group is not taken for a security code", () => {
    // Prepare
    const text = "4111 1111 1111 1111 is my cvv";

    // Act
    const result = maskSensitive(text);

    // Assess
    expect(result).toEqual({ text: "[card ending 1111] is my cvv", redacted: true, kinds: ["card-number"] });
  });

  it.each([
    ["plain text", "Hi, my card was declined at the store today"],
    ["an amount and dates", "I was charged $127.43 on 08/15, posted 2026-08-15"],
    ["a phone and a case number", "I called 1-800-528-4800 about CC-261125-7K3M9Q"],
    ["an order number failing Luhn", "order 4111111111111112 never arrived"],
    ["the empty string", ""],
  ])("returns %s as the identical string", (_case, text) => {
    // Prepare
    const input = text;

    // Act
    const result = maskSensitive(input);

    // Assess
    expect(result.text).toBe(input);
    expect(result.redacted).toBe(false);
    expect(result.kinds).toEqual([]);
  });

  it("is idempotent on a message with every kind", () => {
    // Prepare
    const once = maskSensitive("cvv 123 card 3782-822463-10005 otp 1234 ssn 123 45 6789").text;

    // Act
    const twice = maskSensitive(once);

    // Assess
    expect(twice).toEqual({ text: once, redacted: false, kinds: [] });
  });

  it.each([
    ["spaced single digits", "1 ".repeat(2000)],
    ["dashed digit pairs", "12-".repeat(1333)],
    ["keywords with no values", "cvv ssn otp code ".repeat(235)],
    ["keywords each followed by a short number", "the code is 12 ".repeat(266)],
    ["a 4,000-digit block", "7".repeat(4000)],
    ["cards back to back", "4111 1111 1111 1111 ".repeat(200)],
    ["digits separated by triple spaces", "9   ".repeat(1000)],
  ])("masks 4,000 characters of %s without leaving a card number behind", (_case, text) => {
    // Act
    const result = maskSensitive(text);

    // Assess: the time these take is printed by `npm run bench`, not asserted here.
    expect(result.text.replace(/\D/g, "")).not.toContain("4111111111111111");
    expect(maskSensitive(result.text).text).toBe(result.text);
  });
});

describe("explainRedaction", () => {
  it("tells an English sender which card value was hidden and why", () => {
    // Prepare
    const kinds = ["card-number" as const];

    // Act
    const sentence = explainRedaction(kinds, "en");

    // Assess
    expect(sentence).toBe(
      "For your security I hid the full card number you typed: chat never needs it. Use only the last 4 digits of a card, and never share a security code, full Social Security number or one-time passcode here.",
    );
  });

  it("lists several kinds once each, in a fixed order", () => {
    // Prepare
    const kinds = ["one-time-passcode" as const, "ssn" as const, "one-time-passcode" as const];

    // Act
    const sentence = explainRedaction(kinds, "en");

    // Assess
    expect(sentence).toMatch(
      /^For your security I hid the Social Security number and the one-time passcode you typed: chat never needs them\./,
    );
  });

  it("speaks Spanish to a Spanish sender", () => {
    // Prepare
    const kinds = ["card-number" as const, "security-code" as const];

    // Act
    const sentence = explainRedaction(kinds, "es");

    // Assess
    expect(sentence).toBe(
      "Por su seguridad oculté el número de tarjeta completo y el código de seguridad de la tarjeta que escribió: el chat nunca los necesita. Use solo los últimos 4 dígitos de la tarjeta y nunca comparta aquí un código de seguridad, su número de Seguro Social completo ni un código de un solo uso.",
    );
  });

  it("joins three kinds with commas", () => {
    // Prepare
    const kinds = ["ssn" as const, "card-number" as const, "security-code" as const];

    // Act
    const sentence = explainRedaction(kinds, "es");

    // Assess
    expect(sentence).toContain(
      "oculté el número de tarjeta completo, el código de seguridad de la tarjeta y el número de Seguro Social que escribió",
    );
  });

  it("has nothing to explain when nothing was hidden", () => {
    // Prepare
    const kinds: never[] = [];

    // Act
    const sentence = explainRedaction(kinds, "en");

    // Assess
    expect(sentence).toBe("");
  });
});
