import type { Language } from "../language/languages.ts";
import { wordingFor } from "../language/wording/index.ts";
import { maskCardNumbers } from "./card-numbers.ts";
import { maskContextualValues } from "./contextual-values.ts";
import type { MaskResult, SensitiveKind } from "./types.ts";

const KIND_ORDER: readonly SensitiveKind[] = ["card-number", "security-code", "ssn", "one-time-passcode"];

/** Cheapest possible exit: most chat messages hold fewer digits than the shortest sensitive value. */
const AT_LEAST_THREE_DIGITS = /\d\D*\d\D*\d/;

/**
 * Masks every full card number, card security code, social security number and one-time passcode in a
 * message, before it is stored, delivered or logged. A card number keeps only its last four digits.
 * Text without sensitive data comes back as the very same string.
 *
 * Two linear passes: card numbers first (so their digits are gone before the keyword pass looks for short
 * codes), then the contextual values. Masking is idempotent: placeholders are never matched again.
 */
export function maskSensitive(text: string): MaskResult {
  if (!AT_LEAST_THREE_DIGITS.test(text)) {
    return { text, redacted: false, kinds: [] };
  }
  const found = new Set<SensitiveKind>();
  const cards = maskCardNumbers(text);
  if (cards.found) {
    found.add("card-number");
  }
  const masked = maskContextualValues(cards.text, found);
  if (found.size === 0) {
    return { text, redacted: false, kinds: [] };
  }
  return { text: masked, redacted: true, kinds: KIND_ORDER.filter((kind) => found.has(kind)) };
}

/**
 * The sentence sent back to whoever typed the masked values: what was hidden, why, and what to share
 * instead. Returns "" when `kinds` is empty, as there is nothing to explain.
 */
export function explainRedaction(kinds: SensitiveKind[], language: Language): string {
  const present = KIND_ORDER.filter((kind) => kinds.includes(kind));
  if (present.length === 0) return "";
  const { redaction } = wordingFor(language);
  return redaction.notice(present.map((kind) => redaction.names[kind]));
}
