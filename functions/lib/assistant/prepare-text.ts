import { correctTypos } from "./fuzzy-words.ts";
import { normalizeText } from "./normalize-text.ts";

/**
 * The text the classifier and the intents read: folded (see normalizeText), typos corrected (see
 * fuzzy-words.ts), and with the mentions of a person that are not a request for one taken out, so
 * that "I don't need an agent, just tell me my due date" is about billing and asks for nobody.
 */
const PERSON =
  "(?:live |real )?(?:agents?|person|people|human|humans|representatives?|operator|agentes?|persona|representantes?|asesor(?:es|a)?)";

const NOT_A_REQUEST: readonly RegExp[] = [
  // "I don't need an agent", "no agent needed", "no quiero un agente", "sin agente".
  new RegExp(
    `\\b(?:don't|do not|dont|no|not|never|without|no quiero|no necesito|sin)\\s+(?:need |want |ask(?:ing)? for |hablar con )?(?:an? |un |una |the |el |la |any )?${PERSON}\\b(?: (?:needed|necessary|necesario))?`,
    "g",
  ),
  // The person is what the message is about: "a complaint about an agent".
  new RegExp(
    `\\b(?:about|regarding|sobre|acerca de) (?:an? |the |your |my |this |that |un |una |el |la |su )?${PERSON}\\b`,
    "g",
  ),
  // A question about the assistant itself: "are you a real person?".
  new RegExp(
    `\\b(?:are you|is this|am i talking to|am i chatting with|eres|es usted) (?:an? |un |una )?${PERSON}\\b`,
    "g",
  ),
  /\b(?:are you|is this|am i talking to|eres) (?:an? |un |una )?(?:real |actual )?(?:person|human|persona)\b/g,
  // A question about who works there: "do you have Spanish-speaking agents?".
  new RegExp(
    `\\b(?:do you have|are there|is there|tienen|hay) (?:any |some )?(?:[\\w-]+ )?(?:speaking )?${PERSON}\\b`,
    "g",
  ),
];

function withoutNonRequests(folded: string): string {
  let prepared = folded;
  for (const pattern of NOT_A_REQUEST) prepared = prepared.replace(pattern, " ");
  return prepared.replace(/\s+/g, " ").trim();
}

export function prepareText(text: string): string {
  return withoutNonRequests(correctTypos(normalizeText(text)));
}

/**
 * The text as typed and as corrected, for patterns to match either: a correction meant for one
 * language can hide a word of the other ("cuota anual" is Spanish, "anual fee" a typo).
 */
export function preparedVariants(text: string): readonly string[] {
  const folded = withoutNonRequests(normalizeText(text));
  const corrected = prepareText(text);
  return corrected === folded ? [folded] : [folded, corrected];
}
