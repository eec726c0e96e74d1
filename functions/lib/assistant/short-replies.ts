/**
 * Short answers to the assistant's own questions: "yes" to an offered agent, "no thanks", "thank you".
 * Only the start of a short message counts, because "si" is also Spanish for "if" ("si no puedo pagar")
 * and "please" opens many requests that are not a yes.
 */
import { wordsOf } from "./normalize-text.ts";

const AFFIRMATIVE_FIRST_WORDS = new Set(["yes", "yeah", "yep", "yup", "sure", "claro"]);
// "ok" alone is a yes, but "ok, I'll call" is not: it answers the fraud advice, not the offer.
const AFFIRMATIVE_MESSAGES = new Set([
  "ok",
  "okay",
  "ok please",
  "okay please",
  "vale",
  "dale",
  "please",
  "please do",
  "yes please",
  "go ahead",
  "sounds good",
  "connect me",
  "please connect me",
  "por favor",
  "si por favor",
  "de acuerdo",
  "adelante",
  "conecteme",
  "comuniqueme",
]);
const NEGATIVE_FIRST_WORDS = new Set(["no", "nope", "nah"]);
const NEGATIVE_MESSAGES = new Set([
  "not now",
  "not right now",
  "not yet",
  "maybe later",
  "later",
  "ahora no",
  "ahorita no",
  "todavia no",
  "aun no",
  "mas tarde",
]);
const THANKS =
  /^(?:(?:ok|okay|great|perfect|perfecto|muy bien) )?(?:thanks|thank you|thx|ty|gracias|muchas gracias|that's all|thats all|eso es todo|nothing else|nada mas)\b/;

// "Actually yes", "bueno, sí": a filler in front does not change the answer.
const FILLERS = new Set([
  "actually",
  "well",
  "oh",
  "ok",
  "okay",
  "then",
  "hmm",
  "um",
  "bueno",
  "pues",
  "entonces",
  "ah",
]);

/** A yes must be short, so "yes, but my card was also stolen" is not read as "connect me". */
const MAX_SHORT_REPLY_WORDS = 4;

const FILLER_PHRASES =
  /^(?:on second thought|come to think of it|thinking about it|pensandolo bien|ahora que lo pienso)\b\s*/;

function shortReply(text: string): string[] | undefined {
  const words = wordsOf(wordsOf(text).join(" ").replace(FILLER_PHRASES, ""));
  if (words.length === 0 || words.length > MAX_SHORT_REPLY_WORDS) return undefined;
  const first = words.findIndex((word) => !FILLERS.has(word));
  // Only fillers ("ok", "bueno"): the message is its own answer.
  return first <= 0 ? words : words.slice(first);
}

export function isAffirmative(text: string): boolean {
  const words = shortReply(text);
  if (words === undefined) return false;
  if (AFFIRMATIVE_MESSAGES.has(words.join(" ")) || AFFIRMATIVE_FIRST_WORDS.has(words[0] ?? "")) return true;
  // "Sí" with its accent, alone, or followed by a comma is a yes; a bare "si" may start an "if".
  return (
    words[0] === "si" &&
    (words.length === 1 || /(?:^|[\s,])(?:sí(?!\p{L})|si\s*[,.!])/iu.test(text.normalize("NFC")))
  );
}

export function isNegative(text: string): boolean {
  const words = shortReply(text);
  if (words === undefined) return false;
  return NEGATIVE_MESSAGES.has(words.join(" ")) || NEGATIVE_FIRST_WORDS.has(words[0] ?? "");
}

export function isThanks(text: string): boolean {
  return THANKS.test(wordsOf(text).join(" "));
}
