/**
 * A corpus of Luhn-valid card numbers of 13–19 digits, each spelled the ways people (and people trying to
 * get past a filter) type them: grouped by spaces, four spaces, line breaks, `/ _ , + - . :`, thin,
 * narrow no-break and zero-width spaces, in ASCII, full-width, Arabic-Indic, extended Arabic-Indic and
 * Devanagari digits, with an expiry date and a security code beside them, in English or Spanish.
 *
 * Generated from a seed, so a failing run can be replayed (`CARD_CORPUS_SEED`).
 */
export interface CorpusEntry {
  /** The card number, ASCII digits only: what must never be found. */
  readonly pan: string;
  /** The card number as typed. */
  readonly spelling: string;
  readonly expiry: string;
  readonly securityCode: string;
  /** A sentence carrying the card, its expiry date and security code. */
  readonly sentence: string;
  /** The card with its expiry and code and no words: short enough for a name or a topic. */
  readonly compact: string;
}

export const SEPARATORS = [
  " ",
  "    ",
  "\n",
  "\r\n",
  "/",
  "_",
  ",",
  "+",
  "-",
  ".",
  ":",
  " - ",
  "\u2009",
  "\u202f",
  "\u200b",
  "\u00a0",
] as const;

/** Zero code point of each script's decimal digits. */
export const SCRIPTS = {
  ascii: 0x30,
  fullWidth: 0xff10,
  arabicIndic: 0x0660,
  extendedArabicIndic: 0x06f0,
  devanagari: 0x0966,
} as const;

export type Script = keyof typeof SCRIPTS;

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T =>
  values[Math.floor(next() * values.length)] as T;
const integer = (next: () => number, min: number, max: number) => min + Math.floor(next() * (max - min + 1));

export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let index = 0; index < payload.length; index++) {
    let digit = Number(payload[payload.length - 1 - index]);
    if (index % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

export function luhnValidNumber(next: () => number, length: number): string {
  let payload = String(pick(next, [3, 4, 5, 6]));
  while (payload.length < length - 1) payload += String(integer(next, 0, 9));
  return payload + luhnCheckDigit(payload);
}

export const inScript = (text: string, script: Script): string =>
  text.replace(/\d/g, (digit) => String.fromCodePoint(SCRIPTS[script] + Number(digit)));

/** Splits `pan` into groups: the usual 4-4-4-4(-3), Amex's 4-6-5, or random sizes. */
function groups(next: () => number, pan: string): string[] {
  const sizes =
    next() < 0.4
      ? [4, 4, 4, 4, 4]
      : next() < 0.5
        ? [4, 6, 5, 4]
        : Array.from({ length: 19 }, () => integer(next, 1, 6));
  const parts: string[] = [];
  let start = 0;
  for (const size of sizes) {
    if (start >= pan.length) break;
    parts.push(pan.slice(start, start + size));
    start += size;
  }
  if (start < pan.length) parts.push(pan.slice(start));
  return parts;
}

export function corpusEntry(next: () => number, index: number): CorpusEntry {
  const pan = luhnValidNumber(next, 13 + (index % 7));
  // Every separator and every script is used in turn, so even a small corpus covers them all.
  const separator = SEPARATORS[index % SEPARATORS.length] ?? " ";
  const script = (Object.keys(SCRIPTS) as Script[])[Math.floor(index / SEPARATORS.length) % 5] ?? "ascii";
  const spelling = inScript(groups(next, pan).join(separator), script);
  const month = String(integer(next, 1, 12)).padStart(2, "0");
  const expiry = inScript(`${month}/${integer(next, 26, 34)}`, script);
  const securityCode = inScript(String(integer(next, 100, 9999)), script);
  const spanish = next() < 0.5;
  const sentence = spanish
    ? `mi tarjeta es ${spelling} vence ${expiry} y el código de seguridad es ${securityCode}`
    : `my card is ${spelling} exp ${expiry} cvv ${securityCode}`;
  return {
    pan,
    spelling,
    expiry,
    securityCode,
    sentence,
    compact: `${spelling} ${expiry} cvv ${securityCode}`,
  };
}

export function cardCorpus(size: number, seed: number): CorpusEntry[] {
  const next = random(seed);
  return Array.from({ length: size }, (_, index) => corpusEntry(next, index));
}
