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

const NAMES: Record<"en" | "es", Record<SensitiveKind, string>> = {
  en: {
    "card-number": "the full card number",
    "security-code": "the card security code",
    ssn: "the Social Security number",
    "one-time-passcode": "the one-time passcode",
  },
  es: {
    "card-number": "el número de tarjeta completo",
    "security-code": "el código de seguridad de la tarjeta",
    ssn: "el número de Seguro Social",
    "one-time-passcode": "el código de un solo uso",
  },
};

/**
 * The sentence sent back to whoever typed the masked values: what was hidden, why, and what to share
 * instead. Returns "" when `kinds` is empty, as there is nothing to explain.
 */
export function explainRedaction(kinds: SensitiveKind[], language: "en" | "es"): string {
  const present = KIND_ORDER.filter((kind) => kinds.includes(kind));
  if (present.length === 0) {
    return "";
  }
  const names = present.map((kind) => NAMES[language][kind]);
  if (language === "es") {
    const pronoun = names.length === 1 ? "lo" : "los";
    return (
      `Por su seguridad oculté ${joinNames(names, "y")} que escribió: el chat nunca ${pronoun} necesita. ` +
      "Use solo los últimos 4 dígitos de la tarjeta y nunca comparta aquí un código de seguridad, " +
      "su número de Seguro Social completo ni un código de un solo uso."
    );
  }
  const pronoun = names.length === 1 ? "it" : "them";
  return (
    `For your security I hid ${joinNames(names, "and")} you typed: chat never needs ${pronoun}. ` +
    "Use only the last 4 digits of a card, and never share a security code, full Social Security number " +
    "or one-time passcode here."
  );
}

function joinNames(names: readonly string[], conjunction: string): string {
  if (names.length <= 1) {
    return names.join("");
  }
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}`;
}
