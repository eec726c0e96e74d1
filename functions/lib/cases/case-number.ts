import { randomInt } from "node:crypto";

/**
 * Case numbers read `CC-YYMMDD-XXXXXX`: the UTC date the case was opened (a chat's own case: the day
 * the chat started; a complaint: the day it was logged) and six Crockford base-32
 * characters (no I, L, O or U, so they are easy to read aloud). With at most 12 digits in all, a case
 * number can never be mistaken for — and masked as — a card number. Uniqueness is enforced by a
 * conditional write of a `CASE#` item; a collision simply draws again.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_CHARS = 6;

export const CASE_NUMBER_PATTERN = /^CC-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/;

export function newCaseNumber(now: Date = new Date()): string {
  const date = now.toISOString().slice(2, 10).replaceAll("-", "");
  let suffix = "";
  for (let index = 0; index < RANDOM_CHARS; index += 1) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `CC-${date}-${suffix}`;
}
