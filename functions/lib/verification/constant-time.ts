import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares two secrets in time that depends on neither their content nor their lengths: both sides are
 * hashed to 32 bytes first, then compared with `timingSafeEqual`, so an attacker timing the answers
 * learns nothing about how many characters were right.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** True when `given` equals any of `candidates`; every candidate is compared, whatever matched first. */
export function matchesAny(given: string, candidates: readonly string[]): boolean {
  let found = false;
  for (const candidate of candidates) found = sameSecret(given, candidate) || found;
  return found;
}

/** Digits only: "1 2 3 4" and "1234" are one answer. */
export const normalizeLast4 = (value: string): string => value.replace(/\D/g, "");

/** Upper case without spaces or dashes: "sw1a 1aa", "SW1A1AA" and "10001-0001" vs "100010001". */
export const normalizePostalCode = (value: string): string => value.toUpperCase().replace(/[\s-]/g, "");
