import { extractMerchant } from "./extract-merchant.ts";
import { normalizeText } from "./normalize-text.ts";
import type { Accommodation, Currency, ExtractedDetails } from "./types.ts";

const CURRENCY_BY_MARK: Record<string, Currency> = {
  us$: "USD",
  $: "USD",
  usd: "USD",
  dollar: "USD",
  dollars: "USD",
  dolar: "USD",
  dolares: "USD",
  "€": "EUR",
  eur: "EUR",
  euro: "EUR",
  euros: "EUR",
  "£": "GBP",
  gbp: "GBP",
  pound: "GBP",
  pounds: "GBP",
  libras: "GBP",
  mxn: "MXN",
  pesos: "MXN",
  "¥": "JPY",
  jpy: "JPY",
  yen: "JPY",
  c$: "CAD",
  ca$: "CAD",
  cad: "CAD",
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)`;
const PREFIXED_AMOUNT = new RegExp(
  String.raw`(US\$|CA?\$|\$|€|£|¥|\b(?:USD|EUR|GBP|MXN|JPY|CAD)\b)\s?${NUMBER}`,
  "i",
);
const SUFFIXED_AMOUNT = new RegExp(
  String.raw`\b${NUMBER}\s?(dollars?|d[oó]lares|usd|eur(?:os?)?|€|pounds?|libras|gbp|pesos|mxn|yen|jpy|cad)(?![\p{L}])`,
  "iu",
);
const BARE_AMOUNT = /(?<![\d/.,])(\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})(?![\d/.])/;

export function extractAmount(text: string): Pick<ExtractedDetails, "amount" | "currency"> {
  const prefixed = PREFIXED_AMOUNT.exec(text);
  const suffixed = SUFFIXED_AMOUNT.exec(text);
  const first = [prefixed, suffixed]
    .filter((match) => match !== null)
    .sort((left, right) => left.index - right.index)[0];
  if (first !== undefined) {
    const [, a = "", b = ""] = first;
    const [mark, number] = first === prefixed ? [a, b] : [b, a];
    const currency = CURRENCY_BY_MARK[normalizeText(mark)];
    return { amount: number.replaceAll(",", ""), ...(currency !== undefined ? { currency } : {}) };
  }
  const bare = BARE_AMOUNT.exec(text)?.[1];
  return bare !== undefined ? { amount: bare.replaceAll(",", "") } : {};
}

const MONTHS_EN =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const MONTHS_ES =
  "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])`;
const DATE_PATTERNS: readonly RegExp[] = [
  /\b\d{4}-\d{1,2}-\d{1,2}\b/,
  /\b\d{1,2}\/\d{1,2}(?:\/(?:\d{4}|\d{2}))?(?![\d/])/,
  new RegExp(String.raw`\b${MONTHS_EN}\.?\s+${DAY}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?`, "i"),
  new RegExp(String.raw`\b${DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTHS_EN}\b(?:,?\s+\d{4}\b)?`, "i"),
  new RegExp(String.raw`\b${DAY}\s+de\s+${MONTHS_ES}\b(?:\s+(?:de|del)\s+\d{4}\b)?`, "i"),
];

function isPlausibleNumericDate(candidate: string): boolean {
  if (!candidate.includes("/")) return true;
  // "24/7" is how customers ask about opening hours, not a date.
  if (candidate === "24/7") return false;
  const [first = 0, second = 0] = candidate.split("/").map(Number);
  const monthDay = first >= 1 && first <= 12 && second >= 1 && second <= 31;
  const dayMonth = first >= 1 && first <= 31 && second >= 1 && second <= 12;
  return monthDay || dayMonth;
}

export function extractDate(text: string): string | undefined {
  const matches = DATE_PATTERNS.map((pattern) => pattern.exec(text))
    .filter((match) => match !== null && isPlausibleNumericDate(match[0]))
    .sort((left, right) => (left?.index ?? 0) - (right?.index ?? 0));
  return matches[0]?.[0];
}

const LAST4_PATTERNS: readonly RegExp[] = [
  /(?<![\p{L}\p{N}])(?:ending(?:\s+(?:in|with))?|ends\s+(?:in|with)|last\s+(?:4|four)(?:\s+digits)?(?:\s+of\s+(?:my|the)\s+card)?(?:\s+(?:are|is))?|termina(?:da)?\s+en|terminaci[oó]n|[uú]ltimos\s+(?:4|cuatro)(?:\s+d[ií]gitos)?(?:\s+son)?)\s*:?\s*#?\s*(\d{4})(?!\d)/iu,
  /(?:[xX*•]{2,}|\.{3})\s?(\d{4})(?!\d)/,
  // "card 5678", "tarjeta 5678": the number right after the word, and no more digits after it.
  /(?<![\p{L}\p{N}])(?:card|tarjeta)\s*#?\s*(\d{4})(?![\d\s-]*\d)/iu,
];

export function extractCardLast4(text: string): string | undefined {
  for (const pattern of LAST4_PATTERNS) {
    const found = pattern.exec(text)?.[1];
    if (found !== undefined) return found;
  }
  return undefined;
}

const ACCOMMODATION_PATTERNS: readonly (readonly [Accommodation, RegExp])[] = [
  [
    "screen-reader",
    /\bscreen ?readers?\b|\bvoiceover\b|\btalkback\b|\bjaws\b|\bnvda\b|\blector de pantalla\b|\bi(?:'m| am) blind\b|\bsoy cieg[oa]\b/,
  ],
  ["more-time", /\b(?:more|extra) time\b|\bslow(?:ly|er)?\b|\bmas (?:tiempo|despacio)\b|\btiempo extra\b/],
  [
    "written-summary",
    /\bwritten summary\b|\bsummary in writing\b|\bsummary of (?:this|the|our) chat\b|\bresumen (?:escrito|por escrito|del chat)\b/,
  ],
  [
    "hard-of-hearing",
    /\bhard of hearing\b|\bdeaf\b|\bhearing (?:impaired|loss)\b|\bsord[oa]\b|\bproblemas? de audicion\b|\b(?:dificultad|discapacidad) auditiva\b/,
  ],
  [
    "low-vision",
    /\blow vision\b|\blarger? (?:text|font)\b|\bvisually impaired\b|\bbaja vision\b|\bletra (?:mas )?grande\b/,
  ],
  [
    "plain-language",
    /\bplain language\b|\bsimple words\b|\blenguaje (?:sencillo|simple|claro)\b|\bpalabras sencillas\b/,
  ],
];

export function extractAccommodations(text: string): Accommodation[] {
  const normalized = normalizeText(text);
  return ACCOMMODATION_PATTERNS.filter(([, pattern]) => pattern.test(normalized)).map(([code]) => code);
}

/** Everything the message says about the case; fields it does not mention are absent. */
export function extractDetails(text: string): ExtractedDetails {
  const details: ExtractedDetails = { ...extractAmount(text) };
  const date = extractDate(text);
  const merchant = extractMerchant(text);
  const cardLast4 = extractCardLast4(text);
  const accommodations = extractAccommodations(text);
  if (date !== undefined) details.date = date;
  if (merchant !== undefined) details.merchant = merchant;
  if (cardLast4 !== undefined) details.cardLast4 = cardLast4;
  if (accommodations.length > 0) details.accommodations = accommodations;
  return details;
}

/**
 * Newer values win, because a customer who corrects the amount means the new one. Accommodations
 * accumulate instead: someone who said they use a screen reader still does when they later ask for time.
 */
export function mergeDetails(previous: ExtractedDetails, next: ExtractedDetails): ExtractedDetails {
  // Undefined values are dropped: stored state goes to DynamoDB, whose marshaller rejects them.
  const merged = Object.fromEntries(
    Object.entries(previous).filter(([, value]) => value !== undefined),
  ) as ExtractedDetails;
  if (next.amount !== undefined) {
    merged.amount = next.amount;
    if (next.currency !== undefined) merged.currency = next.currency;
    else delete merged.currency;
  }
  if (next.date !== undefined) merged.date = next.date;
  if (next.merchant !== undefined) merged.merchant = next.merchant;
  if (next.cardLast4 !== undefined) merged.cardLast4 = next.cardLast4;
  const accommodations = [...(previous.accommodations ?? []), ...(next.accommodations ?? [])];
  if (accommodations.length > 0) merged.accommodations = [...new Set(accommodations)];
  return merged;
}
