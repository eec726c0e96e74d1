import type { Language } from "../language/languages.ts";
import { wordingFor } from "../language/wording/index.ts";
import { KIND_ORDER, maskFreeText } from "./mask-free-text.ts";
import type { MaskResult, SensitiveKind } from "./types.ts";

/** The message masking of the first version, kept as a name for callers: the same as `maskFreeText`. */
export function maskSensitive(text: string): MaskResult {
  return maskFreeText(text, { field: "text" });
}

/**
 * The sentence sent back to whoever typed the masked values, in their language: what was hidden, why,
 * and what to share instead. Returns "" when `kinds` is empty, as there is nothing to explain.
 */
export function explainRedaction(kinds: SensitiveKind[], language: Language): string {
  const present = KIND_ORDER.filter((kind) => kinds.includes(kind));
  if (present.length === 0) return "";
  const { redaction } = wordingFor(language);
  return redaction.notice(present.map((kind) => redaction.names[kind]));
}
