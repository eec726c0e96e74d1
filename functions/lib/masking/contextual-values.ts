import { type MaskSpan, replaceSpans } from "./spans.ts";
import type { SensitiveKind } from "./types.ts";

/**
 * Security codes, social security numbers and one-time passcodes: short digit strings that are only
 * sensitive because of what surrounds them ("cvv 123", "my ssn is 123456789", "the code is 482913"), plus the
 * SSN layout ddd-dd-dddd / ddd dd dddd, which is masked anywhere.
 *
 * Everything is one regular expression, applied once. Each alternative matches the value alone and checks
 * its context with lookarounds, so the replacement is the value and the keywords stay readable.
 */

const PLACEHOLDERS = {
  "security-code": "[security code hidden]",
  ssn: "[SSN hidden]",
  "one-time-passcode": "[passcode hidden]",
} as const satisfies Partial<Record<SensitiveKind, string>>;

// "Near" means: between keyword and value only non-digits, line breaks included ("CVV:\n123"). Brackets are
// excluded, so a keyword can never reach across a placeholder ("[security code hidden]", "[card ending
// 1111]"): that is what makes masking idempotent. The gaps are bounded, which keeps the lookbehinds cheap.
const GAP_AFTER_KEYWORD = String.raw`[^\d\[\]]{0,30}`;
const GAP_BEFORE_KEYWORD = String.raw`[^\d\[\]]{0,16}`;

// A value is a whole token: not glued to letters or digits, nor part of a longer separated digit run, nor
// the tail of an alphanumeric reference such as "CC-261125-7K3M9Q".
const VALUE_START = String.raw`(?=\d)(?<![\p{L}\p{N}_]|\d[ .\-])`;
const VALUE_END = String.raw`(?![\p{L}\p{N}_]|[ .\-]\d|-\p{L})`;

const SECURITY_CODE = String.raw`\d(?: ?\d){2,3}`;
const SSN_NINE_DIGITS = String.raw`\d{3}[ .\-]?\d{2}[ .\-]?\d{4}`;
const PASSCODE = String.raw`\d(?:[ \-]?\d){3,7}`;

const SSN_KEYWORDS = [
  "ssn",
  "ss#",
  String.raw`soc\.? ?sec\.?`,
  "social security",
  "social",
  "seguro social",
  "(?:n[uú]mero de )?seguridad social",
  "itin",
];

// Unambiguous passcode wording; tried before the security-code keywords so that "security code sent by text"
// is reported as a passcode.
const PASSCODE_KEYWORDS = [
  "otp",
  String.raw`one[\- ]?time (?:pass ?code|password|pin|code)`,
  "pass ?codes?",
  "verification codes?",
  "verify code",
  "authentication code",
  String.raw`(?:2fa|mfa|sms|text|texted|login|sign[\- ]in|6[\- ]digit|six[\- ]digit) code`,
  "code (?:you|they|u|i) (?:just )?(?:sent|texted|got|received)",
  "security code (?:(?:that )?(?:you |they |we |i )?(?:just )?(?:sent|texted|got|received)|by text|by sms|via text|via sms)",
  "c[oó]digo de (?:verificaci[oó]n|un solo uso|acceso)",
  "(?:clave|contrase[nñ]a) (?:de un solo uso|din[aá]mica|temporal)",
  "c[oó]digo (?:que )?(?:me )?(?:enviaron|mandaron|lleg[oó])",
  "c[oó]digo (?:por|del?) (?:sms|mensaje|texto)",
  "token",
  "(?:lleg[oó]|enviaron|mandaron) por (?:sms|mensaje|texto|correo|whatsapp)",
  "(?:got|received|sent|came) (?:it )?(?:by|via|in a) (?:text|sms|e-?mail)",
];

// What follows a passcode when the keyword comes after it: "I got 482913 by text", "482913 por SMS".
const PASSCODE_TRAILERS = [
  "(?:by|via|in a|in the|per) (?:text|sms|e-?mail|message|txt)",
  "(?:was )?(?:texted|sent|emailed) to me",
  "por (?:sms|mensaje|texto|correo|whatsapp)",
  "(?:me )?(?:lleg[oó]|enviaron|mandaron) por",
];

const SECURITY_CODE_KEYWORDS = [
  "cvv2?",
  "cvc2?",
  "cvn",
  "cid",
  "csc",
  "card verification (?:value|code|number)",
  "security code",
  "(?:code|digits|numbers) on the back",
  String.raw`(?:3|4|three|four)[\- ]digit (?:security )?code`,
  "c[oó]digo de seguridad",
  "c[oó]digo (?:de atr[aá]s|del reverso|al reverso)",
  "(?:n[uú]meros|d[ií]gitos) de atr[aá]s",
];

const NOT_PASSCODE_CODES = [
  "zip",
  "area",
  "postal",
  "promo",
  "promotional",
  "discount",
  "coupon",
  "country",
  "reference",
  "error",
  "tax",
  "merchant",
  "bar",
  "qr",
  "gift",
  "source",
  "dress",
  "tracking",
  "confirmation",
  "authorization",
];
const NOT_PASSCODE_CODIGOS = [
  "postal",
  "de [aá]rea",
  "de barras",
  "promocional",
  "de descuento",
  "de referencia",
  "de error",
];

// Looser wording, tried last: a bare "code" or "código" is a passcode unless it obviously names something
// else (zip code, promo code...). A card PIN is hidden under the same kind.
const GENERIC_PASSCODE_KEYWORDS = [
  `(?<!(?:${NOT_PASSCODE_CODES.join("|")}) )codes?`,
  `c[oó]digos?(?! (?:${NOT_PASSCODE_CODIGOS.join("|")}))`,
  "clave",
  "pin",
  "nip",
];

function keyword(alternatives: readonly string[]): string {
  return String.raw`(?<![\p{L}\p{N}_])(?:${alternatives.join("|")})(?![\p{L}\p{N}_])`;
}

function near(keywords: readonly string[], name: string, value: string): string {
  return `(?<=${keyword(keywords)}${GAP_AFTER_KEYWORD})(?<${name}>${value})${VALUE_END}`;
}

function before(keywords: readonly string[], name: string, value: string): string {
  return `(?<${name}>${value})${VALUE_END}(?=${GAP_BEFORE_KEYWORD}${keyword(keywords)})`;
}

// Alternatives are tried in this order at each position; the group name tells which kind matched.
const ALTERNATIVES: readonly { pattern: string; name: string; kind: keyof typeof PLACEHOLDERS }[] = [
  {
    name: "ssnLayout",
    kind: "ssn",
    pattern: String.raw`(?<ssnLayout>\d{3}(?<ssnSeparator>[ .\-])\d{2}\k<ssnSeparator>\d{4})${VALUE_END}`,
  },
  { name: "ssnNear", kind: "ssn", pattern: near(SSN_KEYWORDS, "ssnNear", SSN_NINE_DIGITS) },
  { name: "otpNear", kind: "one-time-passcode", pattern: near(PASSCODE_KEYWORDS, "otpNear", PASSCODE) },
  {
    name: "securityNear",
    kind: "security-code",
    pattern: near(SECURITY_CODE_KEYWORDS, "securityNear", SECURITY_CODE),
  },
  {
    name: "securityBefore",
    kind: "security-code",
    pattern: before(SECURITY_CODE_KEYWORDS, "securityBefore", SECURITY_CODE),
  },
  { name: "otpBefore", kind: "one-time-passcode", pattern: before(PASSCODE_KEYWORDS, "otpBefore", PASSCODE) },
  {
    name: "otpTrailer",
    kind: "one-time-passcode",
    pattern: before(PASSCODE_TRAILERS, "otpTrailer", PASSCODE),
  },
  {
    name: "otpGeneric",
    kind: "one-time-passcode",
    pattern: near(GENERIC_PASSCODE_KEYWORDS, "otpGeneric", PASSCODE),
  },
  {
    name: "otpGenericBefore",
    kind: "one-time-passcode",
    pattern: before(GENERIC_PASSCODE_KEYWORDS, "otpGenericBefore", PASSCODE),
  },
];

const CONTEXTUAL_VALUE = new RegExp(
  `${VALUE_START}(?:${ALTERNATIVES.map((alternative) => alternative.pattern).join("|")})`,
  "giu",
);

/** The contextual values of `text` as spans with their placeholders, in order. */
export function findContextualValues(text: string): MaskSpan[] {
  const spans: MaskSpan[] = [];
  for (const match of text.matchAll(CONTEXTUAL_VALUE)) {
    const groups = match.groups ?? {};
    const alternative = ALTERNATIVES.find((candidate) => groups[candidate.name] !== undefined);
    if (alternative === undefined) continue;
    spans.push({
      start: match.index,
      end: match.index + match[0].length,
      placeholder: PLACEHOLDERS[alternative.kind],
      kind: alternative.kind,
    });
  }
  return spans;
}

/**
 * Replaces each contextual value in `text` by its placeholder and adds its kind to `found`. Returns `text`
 * itself when nothing matched.
 */
export function maskContextualValues(text: string, found: Set<SensitiveKind>): string {
  const spans = findContextualValues(text);
  for (const span of spans) found.add(span.kind);
  return spans.length > 0 ? replaceSpans(text, spans) : text;
}
