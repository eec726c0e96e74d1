import { describe, expect, it } from "vitest";
import { maskContextualValues } from "../../../../functions/lib/masking/contextual-values.ts";
import type { SensitiveKind } from "../../../../functions/lib/masking/types.ts";

function mask(text: string): { text: string; kinds: SensitiveKind[] } {
  const found = new Set<SensitiveKind>();
  const masked = maskContextualValues(text, found);
  return { text: masked, kinds: [...found] };
}

describe("maskContextualValues", () => {
  it.each([
    ["cvv 123", "cvv [security code hidden]"],
    ["CVV: 1234", "CVV: [security code hidden]"],
    ["my cvc2 is 456.", "my cvc2 is [security code hidden]."],
    ["Amex CID 1234", "Amex CID [security code hidden]"],
    ["the security code on the back is 456", "the security code on the back is [security code hidden]"],
    ["the code on the back of my card is 321", "the code on the back of my card is [security code hidden]"],
    ["the 3-digit code is 789", "the 3-digit code is [security code hidden]"],
    ["123 is my cvv", "[security code hidden] is my cvv"],
    ["456 (cvv)", "[security code hidden] (cvv)"],
    ["código de seguridad 789", "código de seguridad [security code hidden]"],
    ["CÓDIGO DE SEGURIDAD: 0123", "CÓDIGO DE SEGURIDAD: [security code hidden]"],
  ])("hides the security code in %j", (text, expected) => {
    // Prepare
    const input = text;

    // Act
    const result = mask(input);

    // Assess
    expect(result).toEqual({ text: expected, kinds: ["security-code"] });
  });

  it.each([
    ["it is 123-45-6789", "it is [SSN hidden]"],
    ["it is 123 45 6789", "it is [SSN hidden]"],
    ["ssn 123456789", "ssn [SSN hidden]"],
    ["my social security number is 123.45.6789", "my social security number is [SSN hidden]"],
    ["SSN: 123-456789", "SSN: [SSN hidden]"],
    ["mi número de seguro social es 123456789", "mi número de seguro social es [SSN hidden]"],
  ])("hides the social security number in %j", (text, expected) => {
    // Prepare
    const input = text;

    // Act
    const result = mask(input);

    // Assess
    expect(result).toEqual({ text: expected, kinds: ["ssn"] });
  });

  it.each([
    ["the code is 482913", "the code is [passcode hidden]"],
    ["my OTP is 1234", "my OTP is [passcode hidden]"],
    ["one-time passcode: 12345678", "one-time passcode: [passcode hidden]"],
    ["verification code 123 456", "verification code [passcode hidden]"],
    ["security code sent by text 4821", "security code sent by text [passcode hidden]"],
    ["the security code is 482913", "the security code is [passcode hidden]"],
    ["the code you texted me is 5521", "the code you texted me is [passcode hidden]"],
    ["482913 is the verification code", "[passcode hidden] is the verification code"],
    ["código de verificación 998877", "código de verificación [passcode hidden]"],
    ["el código es 554433", "el código es [passcode hidden]"],
    ["my pin is 4321", "my pin is [passcode hidden]"],
  ])("hides the one-time passcode in %j", (text, expected) => {
    // Prepare
    const input = text;

    // Act
    const result = mask(input);

    // Assess
    expect(result).toEqual({ text: expected, kinds: ["one-time-passcode"] });
  });

  it.each([
    ["a postal code", "código postal 28001"],
    ["a zip code", "my zip code is 10001"],
    ["an error code", "I got error code 5001"],
    ["a promo code", "promo code 2024 did not apply"],
    ["a code too short to be a passcode", "the code is 123"],
    ["a code too long to be a passcode", "the otp is 123456789"],
    ["a case number", "the code is CC-261125-7K3M9Q"],
    ["a keyword hidden inside a word", "I decided 1234 times"],
    ["a number far from any keyword", "what is a cvv? Anyway, I will call you tomorrow about invoice 1234"],
    ["an amount", "the code cost me $127.43"],
    ["a longer digit run", "cvv 123 456 789 012"],
    ["an SSN layout inside a longer run", "1123-45-6789"],
    ["the last four of an SSN", "the last four of my ssn are 6789"],
  ])("leaves %s untouched", (_case, text) => {
    // Prepare
    const input = text;

    // Act
    const result = mask(input);

    // Assess
    expect(result.text).toBe(input);
    expect(result.kinds).toEqual([]);
  });

  it.each([
    ["[security code hidden] 1234"],
    ["cvv [card ending 1111]"],
    ["[card ending 1111] is the cvv"],
    ["[SSN hidden] 123456789"],
    ["4821 [passcode hidden]"],
  ])("never reaches across a placeholder in %j", (text) => {
    // Prepare
    const input = text;

    // Act
    const result = mask(input);

    // Assess
    expect(result.text).toBe(input);
  });

  it("hides every value and reports each kind in the same message", () => {
    // Prepare
    const text = "cvv 123, ssn 123-45-6789 and the code is 482913, cvc 456";

    // Act
    const result = mask(text);

    // Assess
    expect(result.text).toBe(
      "cvv [security code hidden], ssn [SSN hidden] and the code is [passcode hidden], cvc [security code hidden]",
    );
    expect(result.kinds.sort()).toEqual(["one-time-passcode", "security-code", "ssn"]);
  });
});
