/**
 * Finds the merchant's name in a customer's message: "from XYZ Store", "at Amazon", "charge by Delta",
 * "de la tienda X". After a bare "from", "at" or "by" only capitalised words count, so "from my account"
 * or "at the moment" are not merchants; after a charge word ("charge from amazon") lower case is fine.
 */

interface Cue {
  readonly pattern: RegExp;
  /** Whether the merchant must be written with capitals to count. */
  readonly capitalised: boolean;
}

const CUES: readonly Cue[] = [
  {
    pattern:
      /\b(?:merchant|store|comercio|tienda)(?:\s+name)?(?:\s+(?:is|was|es|era|se llama))?\s*:\s*|\b(?:merchant|comercio)(?:\s+name)?\s+(?:is|was|es|era)\s+/giu,
    capitalised: false,
  },
  { pattern: /\b(?:de|en)\s+la\s+tienda\s+/giu, capitalised: false },
  {
    pattern:
      /\b(?:charge[sd]?|purchases?|purchased|payment|transaction|order|subscription)\s+(?:from|at|by|with|to)\s+(?:the\s+)?/giu,
    capitalised: false,
  },
  { pattern: /\b(?:cargo|cobro|compra|compr[eé]|pagu[eé])\s+(?:de|en|por|a)\s+/giu, capitalised: true },
  { pattern: /\b(?:from|at|by|with)\s+(?:the\s+)?/giu, capitalised: true },
  { pattern: /\ben\s+/giu, capitalised: true },
];

const NOT_A_NAME = new Set(
  (
    "i i'm my the a an on in at for and or of to it its this that these those your our we you me was is " +
    "january february march april may june july august september october november december " +
    "jan feb mar apr jun jul aug sep sept oct nov dec " +
    "monday tuesday wednesday thursday friday saturday sunday " +
    "el la los las un una mi su por que y en de del con para " +
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre " +
    "lunes martes miercoles miércoles jueves viernes sabado sábado domingo"
  ).split(" "),
);

/** Words that end a lower-case merchant name or show that no name follows. */
const NOT_A_NAME_LOWER = new Set([
  ...NOT_A_NAME,
  ..."which who but last yesterday today tonight now least all home work mistake error accident some their his her them ayer hoy mora intereses linea".split(
    " ",
  ),
]);

const MAX_WORDS = { capitalised: 4, lower: 3 } as const;

function looksLikeName(word: string, position: number): boolean {
  if (/^\p{Lu}/u.test(word)) return true;
  if (position === 0) return /^\d+-\p{L}/u.test(word);
  return word === "&" || /^\d/.test(word);
}

function nameAfter(rest: string, capitalised: boolean): string | undefined {
  const words: string[] = [];
  const stops = capitalised ? NOT_A_NAME : NOT_A_NAME_LOWER;
  const limit = capitalised ? MAX_WORDS.capitalised : MAX_WORDS.lower;
  for (const raw of rest.split(/\s+/)) {
    const word = raw.replace(/[,.;:!?)"']+$/u, "");
    if (word.length === 0 || stops.has(word.toLowerCase())) break;
    if (/^[$€£¥\d]/u.test(word) && !/^\d+-\p{L}/u.test(word) && words.length === 0) break;
    if (capitalised && !looksLikeName(word, words.length)) break;
    words.push(word);
    if (words.length === limit || word !== raw) break;
  }
  while (words.at(-1) === "&") words.pop();
  return words.length > 0 ? words.join(" ") : undefined;
}

export function extractMerchant(text: string): string | undefined {
  for (const cue of CUES) {
    for (const match of text.matchAll(cue.pattern)) {
      const name = nameAfter(text.slice(match.index + match[0].length), cue.capitalised);
      if (name !== undefined) return name;
    }
  }
  return undefined;
}

const BARE_ANSWER_LEAD =
  /^(?:(?:it was|it's|its|the merchant (?:is|was)|fue|fue en|era|es)\s+)?(?:(?:at|from|en|de)\s+)?/iu;
const NOT_A_BARE_NAME = new Set([
  ...NOT_A_NAME_LOWER,
  ..."yes no ok okay not idk dunno unsure sure what why how hello hi hola thanks gracias si sí nose".split(
    " ",
  ),
]);
const MAX_BARE_NAME_WORDS = 4;

/**
 * A message that is only a name ("Amazon", "It was Best Buy"), for when the assistant has just asked for
 * the merchant. Anything with digits, a question or a common reply word is not a name.
 */
export function bareMerchantAnswer(text: string): string | undefined {
  const trimmed = text.trim().replace(/[.!]+$/u, "");
  if (/[\d?¿$€£¥@]/u.test(trimmed)) return undefined;
  const words = trimmed.replace(BARE_ANSWER_LEAD, "").split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined || words.length > MAX_BARE_NAME_WORDS) return undefined;
  return NOT_A_BARE_NAME.has(first.toLowerCase().replace(/\p{P}+$/u, "")) ? undefined : words.join(" ");
}
