import { describe, expect, it } from "vitest";
import { maskFreeText } from "../../../../functions/lib/masking/index.ts";

const toScript = (digits: string, zero: number) =>
  [...digits]
    .map((digit) => (/\d/.test(digit) ? String.fromCodePoint(zero + Number(digit)) : digit))
    .join("");

describe("maskFreeText", () => {
  it.each([
    ["full-width digits", toScript("4111 1111 1111 1111", 0xff10)],
    ["Arabic-Indic digits", toScript("4111 1111 1111 1111", 0x0660)],
    ["extended Arabic-Indic digits", toScript("4111 1111 1111 1111", 0x06f0)],
    ["Devanagari digits", toScript("4111 1111 1111 1111", 0x0966)],
    ["Bengali digits", toScript("4111111111111111", 0x09e6)],
    ["mathematical monospace digits", toScript("4111111111111111", 0x1d7f6)],
    ["thin spaces", "4111\u20091111\u20091111\u20091111"],
    ["narrow no-break spaces", "4111\u202f1111\u202f1111\u202f1111"],
    ["zero-width spaces", "4111\u200b1111\u200b1111\u200b1111"],
    ["zero-width spaces between every digit", [..."4111111111111111"].join("\u200b")],
    ["a soft hyphen and word joiners", "4111\u00ad1111\u20601111\u20601111"],
    ["mixed scripts and separators", `${toScript("4111", 0x0660)}/${toScript("1111", 0xff10)}\n1111_1111`],
  ])("hides a card typed with %s, keeping only its last four digits", (_case, card) => {
    // Prepare
    const text = `pay with ${card} please`;

    // Act
    const result = maskFreeText(text, { field: "text" });

    // Assess
    expect(result).toEqual({
      text: "pay with [card ending 1111] please",
      redacted: true,
      kinds: ["card-number"],
    });
  });

  it.each([
    ["4111 1111 1111 1111 08/27", "[card ending 1111] [expiry hidden]"],
    [
      "4111 1111 1111 1111 exp 08/2027 cvv 123",
      "[card ending 1111] exp [expiry hidden] cvv [security code hidden]",
    ],
    ["exp 0827, card 4111111111111111", "exp [expiry hidden], card [card ending 1111]"],
    ["tarjeta 4111-1111-1111-1111 vence 08-27", "tarjeta [card ending 1111] vence [expiry hidden]"],
  ])("hides the expiry date typed with a card in %j", (text, expected) => {
    // Act
    const result = maskFreeText(text);

    // Assess
    expect(result.text).toBe(expected);
    expect(result.redacted).toBe(true);
  });

  it.each([
    ["my social is 123456789", "my social is [SSN hidden]", "ssn"],
    ["it is 123.45.6789", "it is [SSN hidden]", "ssn"],
    ["SSN\n123 45 6789", "SSN\n[SSN hidden]", "ssn"],
    ["mi seguro social: 123456789", "mi seguro social: [SSN hidden]", "ssn"],
    ["I got 482913 by text", "I got [passcode hidden] by text", "one-time-passcode"],
    ["482913 es el código", "[passcode hidden] es el código", "one-time-passcode"],
    ["la clave es 4829", "la clave es [passcode hidden]", "one-time-passcode"],
    ["passcode\n482913", "passcode\n[passcode hidden]", "one-time-passcode"],
    ["me llegó por sms 482913", "me llegó por sms [passcode hidden]", "one-time-passcode"],
    ["cvv\n123", "cvv\n[security code hidden]", "security-code"],
    ["CVC: 1 2 3", "CVC: [security code hidden]", "security-code"],
    ["el código de seguridad es\n456", "el código de seguridad es\n[security code hidden]", "security-code"],
    ["cvv ١٢٣", "cvv [security code hidden]", "security-code"],
  ])("hides the value in %j", (text, expected, kind) => {
    // Act
    const result = maskFreeText(text);

    // Assess
    expect(result).toEqual({ text: expected, redacted: true, kinds: [kind] });
  });

  it.each([
    ["an amount", "I was charged $127.43 twice"],
    ["amounts in a list", "charges of $12.34, $1,234.56, $89.10 and $4,321.00"],
    ["dates", "it posted on 08/15, then 2026-08-15"],
    ["a case number", "my case is CC-261125-7K3M9Q"],
    ["a last-4 mention", "the card ending 1234 was declined"],
    ["a ZIP code", "my zip is 10001 and I live at 350 5th Ave"],
    ["a phone number", "I called 1-800-528-4800 yesterday"],
    ["a phone number and a date", "I called 1-800-528-4800 on 2026-08-15"],
    ["an emoji sequence with joiners", "thanks 👨‍👩‍👧 for the 2 cards"],
  ])("leaves %s as the identical string", (_case, text) => {
    // Act
    const result = maskFreeText(text);

    // Assess
    expect(result).toEqual({ text, redacted: false, kinds: [] });
    expect(result.text).toBe(text);
  });

  it("keeps what surrounds a masked card exactly as typed, joiners and all", () => {
    // Prepare
    const text = "👨‍👩‍👧 ４１１１ １１１１ １１１１ １１１１ ｏｋ";

    // Act
    const result = maskFreeText(text);

    // Assess
    expect(result.text).toBe("👨‍👩‍👧 [card ending 1111] ｏｋ");
  });

  it("is idempotent on text mixing every script and kind", () => {
    // Prepare
    const once = maskFreeText(
      `${toScript("4111 1111 1111 1111", 0x0966)} 08/27 cvv 123, my social is 123456789`,
    );

    // Act
    const twice = maskFreeText(once.text);

    // Assess
    expect(once.kinds).toEqual(["card-number", "security-code", "ssn"]);
    expect(twice).toEqual({ text: once.text, redacted: false, kinds: [] });
  });
});
