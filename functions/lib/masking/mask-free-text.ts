import { findCardNumbers } from "./card-numbers.ts";
import { findContextualValues } from "./contextual-values.ts";
import { findExpiryDates } from "./expiry-dates.ts";
import { type NormalisedText, normalise } from "./normalise.ts";
import { type MaskSpan, replaceSpans } from "./spans.ts";
import type { FreeTextField, MaskResult, SensitiveKind } from "./types.ts";

const KIND_ORDER: readonly SensitiveKind[] = ["card-number", "security-code", "ssn", "one-time-passcode"];

/** Cheapest possible exit: most values hold fewer digits (of any script) than the shortest sensitive one. */
const AT_LEAST_THREE_DIGITS = /\p{N}\P{N}*\p{N}\P{N}*\p{N}/u;

/** A span of the original text and what replaces it. */
interface Replacement {
  start: number;
  end: number;
  placeholder: string;
}

/**
 * The one masking entry point: every free-text value a client sends (message text, topic, note, reason,
 * comment, the name claim, ids that are logged or stored) goes through here before anything stores, logs,
 * delivers or reasons about it. Card numbers (keeping only their last four digits) and the expiry dates
 * typed with them, card security codes, social security numbers and one-time passcodes are replaced by
 * placeholders; a value without any comes back as the very same string.
 *
 * The rules read a normalised copy (normalise.ts: NFKC, digits of every script, zero-width characters
 * dropped) in three passes: card numbers, then expiry dates next to them, then the contextual values, each
 * pass reading the previous pass's placeholders so that it never reaches across one. The spans found are
 * mapped back onto the original, which is rewritten only there: what the sender typed elsewhere is kept as
 * typed. Masking is idempotent. `field` names the value for callers that report per field; the rules are
 * the same for every field, because a card number is as sensitive in a name as in a message.
 */
export function maskFreeText(value: string, _options: { field?: FreeTextField } = {}): MaskResult {
  if (!AT_LEAST_THREE_DIGITS.test(value)) return { text: value, redacted: false, kinds: [] };
  const found = new Set<SensitiveKind>();
  const replacements: Replacement[] = [];
  let current: NormalisedText = normalise(value);
  const cards = findCardNumbers(current.text);
  current = apply(current, cards, replacements, found);
  if (cards.length > 0) current = apply(current, findExpiryDates(current.text), replacements, found);
  apply(current, findContextualValues(current.text), replacements, found);
  if (replacements.length === 0) return { text: value, redacted: false, kinds: [] };
  return {
    text: rewrite(value, replacements),
    redacted: true,
    kinds: KIND_ORDER.filter((kind) => found.has(kind)),
  };
}

/**
 * Replaces `spans` in the normalised text (for the next pass) and records, for the original text, which
 * range each span covers. A placeholder's units map to the whole original range it replaced.
 */
function apply(
  current: NormalisedText,
  spans: readonly MaskSpan[],
  replacements: Replacement[],
  found: Set<SensitiveKind>,
): NormalisedText {
  if (spans.length === 0) return current;
  const starts: number[] = [];
  const ends: number[] = [];
  let copiedUpTo = 0;
  for (const span of spans) {
    found.add(span.kind);
    copy(current, copiedUpTo, span.start, starts, ends);
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    for (let unit = span.start; unit < span.end; unit++) {
      start = Math.min(start, current.starts[unit] ?? start);
      end = Math.max(end, current.ends[unit] ?? end);
    }
    replacements.push({ start, end, placeholder: span.placeholder });
    for (let unit = 0; unit < span.placeholder.length; unit++) {
      starts.push(start);
      ends.push(end);
    }
    copiedUpTo = span.end;
  }
  copy(current, copiedUpTo, current.text.length, starts, ends);
  return { text: replaceSpans(current.text, spans), starts, ends };
}

function copy(current: NormalisedText, from: number, to: number, starts: number[], ends: number[]): void {
  for (let unit = from; unit < to; unit++) {
    starts.push(current.starts[unit] ?? 0);
    ends.push(current.ends[unit] ?? 0);
  }
}

/**
 * The original with each replaced range rewritten. Ranges that overlap (a later pass reaching into an
 * earlier placeholder's range) are merged into one, keeping both placeholders: only more is hidden.
 */
function rewrite(original: string, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((left, right) => left.start - right.start || left.end - right.end);
  const merged: Replacement[] = [];
  for (const replacement of sorted) {
    const last = merged.at(-1);
    if (last && replacement.start < last.end) {
      last.end = Math.max(last.end, replacement.end);
      if (!last.placeholder.includes(replacement.placeholder)) last.placeholder += replacement.placeholder;
    } else {
      merged.push({ ...replacement });
    }
  }
  let output = "";
  let copiedUpTo = 0;
  for (const replacement of merged) {
    output += original.slice(copiedUpTo, replacement.start) + replacement.placeholder;
    copiedUpTo = replacement.end;
  }
  return output + original.slice(copiedUpTo);
}

export { KIND_ORDER };
