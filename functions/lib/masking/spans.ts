import type { SensitiveKind } from "./types.ts";

/** A value found by a masking rule: `[start, end)` in the text the rule read, and what replaces it. */
export interface MaskSpan {
  readonly start: number;
  readonly end: number;
  readonly placeholder: string;
  readonly kind: SensitiveKind;
}

/** Replaces each span of `text` by its placeholder. Spans are in order and do not overlap. */
export function replaceSpans(text: string, spans: readonly MaskSpan[]): string {
  let output = "";
  let copiedUpTo = 0;
  for (const span of spans) {
    output += text.slice(copiedUpTo, span.start) + span.placeholder;
    copiedUpTo = span.end;
  }
  return output + text.slice(copiedUpTo);
}
