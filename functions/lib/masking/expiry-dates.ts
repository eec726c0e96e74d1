import type { MaskSpan } from "./spans.ts";

/**
 * Expiry dates typed with a card number ("4111 1111 1111 1111 08/27", "exp 0827, card 4111…"). An expiry
 * date alone is not cardholder data worth hiding, and dates are everywhere in care chats ("charged on
 * 08/15"), so this rule runs only on text in which a card number was just masked, and only on a month/year
 * near the card's placeholder or after an expiry keyword.
 */
export const EXPIRY_PLACEHOLDER = "[expiry hidden]";

// MM/YY, MM-YYYY, MM YY, M/YY, and MMYY right after a keyword. Not glued to other digits or letters.
const MONTH_YEAR = String.raw`(?:0?[1-9]|1[0-2])\s{0,2}[\/\-. ]\s{0,2}(?:20)?\d{2}`;
const COMPACT_MONTH_YEAR = String.raw`(?:0[1-9]|1[0-2])(?:20)?\d{2}`;
const VALUE_START = String.raw`(?<![\p{L}\p{N}_])`;
const VALUE_END = String.raw`(?![\p{L}\p{N}_]|[\/\-.]\d)`;

// Between a placeholder and the date: words and punctuation, no digits, no other placeholder.
const NEAR = String.raw`[^\d\[\]]{0,40}`;
const PLACEHOLDER = String.raw`\[card ending \d{4}\]`;

const KEYWORDS = [
  String.raw`exp(?:iry|iration|ires|ire|\.)?(?: date)?`,
  "valid (?:thru|through|until)",
  "good (?:thru|through)",
  "vto",
  String.raw`venc(?:e|imiento|\.)?`,
  "caduc(?:a|idad)",
  "fecha de (?:vencimiento|caducidad|expiraci[oó]n)",
  "v[aá]lida? hasta",
];
const KEYWORD = String.raw`(?<![\p{L}\p{N}_])(?:${KEYWORDS.join("|")})(?![\p{L}\p{N}_])`;

const EXPIRY = new RegExp(
  [
    String.raw`(?<=${KEYWORD}[^\d\[\]]{0,20})${VALUE_START}(?:${MONTH_YEAR}|${COMPACT_MONTH_YEAR})${VALUE_END}`,
    `(?<=${PLACEHOLDER}${NEAR})${VALUE_START}${MONTH_YEAR}${VALUE_END}`,
    `${VALUE_START}${MONTH_YEAR}${VALUE_END}(?=${NEAR}${PLACEHOLDER})`,
    // What is left of a date whose month was taken into the card's span by a chance Luhn match ("…]/26").
    String.raw`(?<=${PLACEHOLDER}\s{0,2}[\/\-.]\s{0,2})\d{2}(?:\d{2})?${VALUE_END}`,
  ].join("|"),
  "giu",
);

/** The expiry dates of a text in which at least one card number has already been replaced by its placeholder. */
export function findExpiryDates(text: string): MaskSpan[] {
  return Array.from(text.matchAll(EXPIRY), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    placeholder: EXPIRY_PLACEHOLDER,
    kind: "card-number" as const,
  }));
}
