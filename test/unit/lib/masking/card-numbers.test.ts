import { describe, expect, it } from "vitest";
import { cardPlaceholder, maskCardNumbers } from "../../../../functions/lib/masking/card-numbers.ts";

describe("maskCardNumbers", () => {
  it.each([
    ["4111 1111 1111 1111", "[card ending 1111]"],
    ["4111-1111-1111-1111", "[card ending 1111]"],
    ["4111.1111.1111.1111", "[card ending 1111]"],
    ["4111111111111111", "[card ending 1111]"],
    ["3782-822463-10005", "[card ending 0005]"],
    ["3782 822463 10005", "[card ending 0005]"],
    ["4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", "[card ending 1111]"],
    ["4111-1111 1111.1111", "[card ending 1111]"],
    ["41 111111 1111 111 1", "[card ending 1111]"],
    ["4111 - 1111 - 1111 - 1111", "[card ending 1111]"],
    ["4111  1111  1111  1111", "[card ending 1111]"],
    ["4111\u00a01111\u00a01111\u00a01111", "[card ending 1111]"],
    ["4222222222222", "[card ending 2222]"],
    ["6011 0009 9013 9424 009", "[card ending 4009]"],
    ["4111/1111/1111/1111", "[card ending 1111]"],
    ["4111_1111_1111_1111", "[card ending 1111]"],
    ["4111,1111,1111,1111", "[card ending 1111]"],
    ["4111+1111+1111+1111", "[card ending 1111]"],
    ["4111:1111:1111:1111", "[card ending 1111]"],
    ["4111\n1111\n1111\n1111", "[card ending 1111]"],
    ["4111\r\n1111\r\n1111\r\n1111", "[card ending 1111]"],
    ["4111    1111    1111    1111", "[card ending 1111]"],
    ["(4111) 1111 1111 1111", "([card ending 1111]"],
  ])("masks the card number %j down to its last four digits", (card, placeholder) => {
    // Prepare
    const text = `my card is ${card}, thanks`;

    // Act
    const result = maskCardNumbers(text);

    // Assess
    expect(result).toEqual({ text: `my card is ${placeholder}, thanks`, found: true });
  });

  it.each([
    ["an order number failing Luhn", "order 4111 1111 1111 1112 has not shipped"],
    ["an amount", "I was charged $127.43 twice"],
    ["a short date", "it posted on 08/15"],
    ["an ISO date", "it posted on 2026-08-15"],
    ["a phone number", "I called 1-800-528-4800 yesterday"],
    ["a case number", "my case is CC-261125-7K3M9Q"],
    ["a 20-digit block that would pass Luhn", "reference 41111111111111111115"],
    ["a Luhn-valid run of 12 digits", "reference 4111 1111 1117"],
  ])("leaves %s untouched", (_case, text) => {
    // Prepare
    const input = text;

    // Act
    const result = maskCardNumbers(input);

    // Assess
    expect(result).toEqual({ text: input, found: false });
    expect(result.text).toBe(input);
  });

  it("prefers the whole separated run when it is a valid 13–19 digit number", () => {
    // Prepare
    const text = "5555 5555 5555 4444";

    // Act
    const result = maskCardNumbers(text);

    // Assess
    expect(result.text).toBe("[card ending 4444]");
  });

  it.each([
    ["4111 1111 1111 1111 08 27", "[card ending 1111] 08 27"],
    ["ref 12 4111111111111111", "ref 12 [card ending 1111]"],
    ["1234 5678 4111 1111 1111 1111", "1234 5678 [card ending 1111]"],
    ["4111111111111111 12345678901234567890", "[card ending 1111] 12345678901234567890"],
    ["2026-08-15 4111 1111 1111 1111", "2026-08-15 [card ending 1111]"],
  ])("finds a card typed next to other numbers in %j", (text, expected) => {
    // Prepare
    const input = text;

    // Act
    const result = maskCardNumbers(input);

    // Assess
    expect(result).toEqual({ text: expected, found: true });
  });

  it("masks two cards separated by words as two placeholders", () => {
    // Prepare
    const text = "4111 1111 1111 1111 or 5555 5555 5555 4444";

    // Act
    const result = maskCardNumbers(text);

    // Assess
    expect(result.text).toBe("[card ending 1111] or [card ending 4444]");
  });

  it("merges overlapping Luhn-valid windows, so no digit of either card stays in clear", () => {
    // Prepare
    const text = "4111 1111 1111 1111 5555 5555 5555 4444";

    // Act
    const result = maskCardNumbers(text);

    // Assess
    expect(result.text).toBe("[card ending 4444]");
  });

  it("keeps a chance Luhn match in front of a card from exposing the card's tail", () => {
    // Prepare
    // "14 4111 1111 1111" passes Luhn by chance and overlaps the real card.
    const text = "14 4111 1111 1111 1111";

    // Act
    const result = maskCardNumbers(text);

    // Assess
    expect(result.text).toBe("[card ending 1111]");
  });

  it("does not carve a card out of a longer block of digits typed together", () => {
    // Prepare
    const text = "tracking 94111111111111111";

    // Act
    const result = maskCardNumbers(text);

    // Assess
    expect(result).toEqual({ text, found: false });
  });

  it("writes the placeholder with only the last four digits", () => {
    // Prepare
    const lastFour = "0005";

    // Act
    const placeholder = cardPlaceholder(lastFour);

    // Assess
    expect(placeholder).toBe("[card ending 0005]");
  });
});
