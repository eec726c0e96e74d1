import { KIND_ORDER, maskFreeText } from "./mask-free-text.ts";
import type { MaskResult, SensitiveKind } from "./types.ts";

/** The message masking of the first version, kept as a name for callers: the same as `maskFreeText`. */
export function maskSensitive(text: string): MaskResult {
  return maskFreeText(text, { field: "text" });
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
