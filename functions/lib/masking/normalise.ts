/**
 * The text the masking rules read: what a person sees, not how it is encoded. Each code point is taken
 * through Unicode NFKC (full-width digits and letters become ASCII, thin and narrow no-break spaces become
 * spaces), every decimal digit of any script becomes its ASCII value ("٤١١١", "४१११" are "4111"), and format
 * characters such as zero-width spaces, which a reader never sees, are dropped, and every run of whitespace
 * (line breaks included) reads as one space, so that "4111    1111" and "4111\r\n1111" look alike to the rules.
 *
 * The rules find spans in this text; `origin` maps each of its UTF-16 units back to the range of the original
 * text it came from, so the original is rewritten only where something is masked and every other character
 * (emoji joiners included) is kept exactly as typed.
 */
export interface NormalisedText {
  readonly text: string;
  /** For each UTF-16 unit of `text`: the start offset of the original code point it came from. */
  readonly starts: readonly number[];
  /** For each UTF-16 unit of `text`: the end offset (exclusive) of that original code point. */
  readonly ends: readonly number[];
}

const FORMAT_CHARACTER = /^\p{Cf}$/u;
const DECIMAL_DIGIT = /\p{Nd}/gu;
const SINGLE_DECIMAL_DIGIT = /^\p{Nd}$/u;
const PRINTABLE_ASCII_NO_DOUBLE_SPACE = /^(?:[!-~]| (?! ))*$/;
const WHITESPACE = /^\s$/u;

const digitValues = new Map<number, string>();

/**
 * The value of a decimal digit of any script. Unicode guarantees (stability policy) that decimal digits
 * are encoded in contiguous runs of ten, from zero to nine; so a digit's value is its distance from the
 * start of its run of consecutive digits, modulo ten (some runs, such as the mathematical digits, hold
 * several scripts back to back).
 */
export function digitValue(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint >= 0x30 && codePoint <= 0x39) return character;
  const cached = digitValues.get(codePoint);
  if (cached !== undefined) return cached;
  let start = codePoint;
  while (start > 0 && SINGLE_DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  const value = String((codePoint - start) % 10);
  digitValues.set(codePoint, value);
  return value;
}

function normaliseCodePoint(character: string): string {
  if (FORMAT_CHARACTER.test(character)) return "";
  return character.normalize("NFKC").replace(DECIMAL_DIGIT, digitValue);
}

export function normalise(original: string): NormalisedText {
  const starts: number[] = [];
  const ends: number[] = [];
  if (PRINTABLE_ASCII_NO_DOUBLE_SPACE.test(original)) {
    // The common case: ASCII is already in normal form, one unit per unit.
    for (let index = 0; index < original.length; index++) {
      starts.push(index);
      ends.push(index + 1);
    }
    return { text: original, starts, ends };
  }
  let text = "";
  let offset = 0;
  for (const character of original) {
    const piece = normaliseCodePoint(character);
    if (WHITESPACE.test(piece) && text.endsWith(" ") && ends.length > 0) {
      // One more character of a whitespace run: the run's one space now reaches this far.
      ends[ends.length - 1] = offset + character.length;
      offset += character.length;
      continue;
    }
    if (WHITESPACE.test(piece)) {
      starts.push(offset);
      ends.push(offset + character.length);
      text += " ";
      offset += character.length;
      continue;
    }
    for (let unit = 0; unit < piece.length; unit++) {
      starts.push(offset);
      ends.push(offset + character.length);
    }
    text += piece;
    offset += character.length;
  }
  return { text, starts, ends };
}

/** Normalised text only, for scanners and tests that search for digits the way the masking rules read them. */
export const normaliseDigits = (original: string): string => normalise(original).text;
