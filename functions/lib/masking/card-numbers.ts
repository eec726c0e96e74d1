import { isLuhnValid } from "./luhn.ts";
import { type MaskSpan, replaceSpans } from "./spans.ts";

const MIN_CARD_DIGITS = 13;
const MAX_CARD_DIGITS = 19;

/**
 * A maximal run of digits in which neighbouring digits are separated by anything but letters, digits,
 * brackets, currency signs and percent signs, in any grouping and with mixed separators
 * ("4111 1111-1111.1111", "4111/1111_1111,1111", "4111\n1111\n…", "(4111) 1111 1111 1111"). Up to 16
 * separator characters are accepted between groups (a run of whitespace counts as one, see normalise.ts),
 * so "  -  -  " does not let a card through. The text has been normalised first (normalise.ts): other scripts' digits are ASCII here and
 * zero-width characters are gone. Digits and separators are disjoint, so each character can be consumed in
 * exactly one way and the scan is linear in the message length. Brackets stay out so that a placeholder is
 * never merged with the digits around it (masking stays idempotent); currency and percent signs stay out so
 * that a list of amounts is not read as one long number.
 */
const SEPARATOR = String.raw`[^\p{L}\p{N}\[\]\p{Sc}%]`;
const DIGIT_RUN = new RegExp(String.raw`\d(?:${SEPARATOR}{0,16}\d)*`, "gu");
const DIGIT_GROUP = /\d+/g;

/** What replaces a card number: only the last four digits survive. */
export function cardPlaceholder(lastFour: string): string {
  return `[card ending ${lastFour}]`;
}

interface DigitGroup {
  /** Offsets of the group inside its run. */
  start: number;
  end: number;
  digits: string;
}

/**
 * Replaces every card number in `text` by its placeholder. Returns `text` itself when nothing matched.
 *
 * Which digits form "a card number": inside each maximal separated run, every window of whole groups that
 * holds 13–19 digits and passes Luhn. Overlapping windows are merged and masked as one placeholder, which
 * shows the last four digits of the merged span. Consequences, all deliberate:
 * - A run of 13–19 digits that passes Luhn is masked whole, however it is grouped (the common case).
 * - A card typed next to other numbers ("4111 1111 1111 1111 08 27", "ref 12 4111111111111111") is still
 *   caught: the separators merge it into a longer run, but the card itself is a group-aligned window.
 * - Merging instead of picking one window means a chance Luhn match overlapping a real card (one in ten
 *   windows passes) can only hide more digits, never leave part of the card in clear.
 * - A single unseparated block of 20+ digits is never a card: windows never split a group, so digits typed
 *   together stay together, and no window of whole groups then fits in 19 digits.
 * - Runs failing Luhn everywhere (order numbers), or too short (amounts, dates, phone numbers) are untouched.
 * The cost stays linear: from each group at most 19 further groups are tried, each with one Luhn check.
 */
export function maskCardNumbers(text: string): { text: string; found: boolean } {
  const spans = findCardNumbers(text);
  return { text: spans.length > 0 ? replaceSpans(text, spans) : text, found: spans.length > 0 };
}

/** The card numbers of `text` as spans (offsets into `text`) with their placeholders, in order. */
export function findCardNumbers(text: string): MaskSpan[] {
  const spans: MaskSpan[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    if (match[0].length >= MIN_CARD_DIGITS) spans.push(...cardsInRun(match[0], match.index));
  }
  return spans;
}

function cardsInRun(run: string, offset: number): MaskSpan[] {
  const groups = splitGroups(run);
  const spans: MaskSpan[] = [];
  let index = 0;
  while (index < groups.length) {
    let spanEnd = lastGroupOfLongestCardWindow(groups, index);
    if (spanEnd < 0) {
      index++;
      continue;
    }
    for (let next = index + 1; next <= spanEnd; next++) {
      spanEnd = Math.max(spanEnd, lastGroupOfLongestCardWindow(groups, next));
    }
    const first = groups[index];
    const last = groups[spanEnd];
    if (first === undefined || last === undefined) {
      break;
    }
    spans.push({
      start: offset + first.start,
      end: offset + last.end,
      placeholder: cardPlaceholder(digitsOf(groups, index, spanEnd).slice(-4)),
      kind: "card-number",
    });
    index = spanEnd + 1;
  }
  return spans;
}

/** Index of the last group of the longest valid window starting at `first`, or -1 when there is none. */
function lastGroupOfLongestCardWindow(groups: readonly DigitGroup[], first: number): number {
  let digits = "";
  let best = -1;
  for (let index = first; index < groups.length; index++) {
    digits += groups[index]?.digits ?? "";
    if (digits.length > MAX_CARD_DIGITS) {
      break;
    }
    if (digits.length >= MIN_CARD_DIGITS && isLuhnValid(digits)) {
      best = index;
    }
  }
  return best;
}

function digitsOf(groups: readonly DigitGroup[], from: number, to: number): string {
  return groups
    .slice(from, to + 1)
    .map((group) => group.digits)
    .join("");
}

function splitGroups(run: string): DigitGroup[] {
  return Array.from(run.matchAll(DIGIT_GROUP), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    digits: match[0],
  }));
}
