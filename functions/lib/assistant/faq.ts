/**
 * Common questions that are not a topic of their own: when chat is open, what it will never ask for,
 * how long a dispute takes, the case number, and whether the assistant is a person. They can come up
 * in the middle of any topic.
 */
import { normalizeText } from "./normalize-text.ts";

export type FaqQuestion = "availability" | "never-asks-for" | "dispute-timeline" | "case-number" | "is-ai";

const QUESTIONS: readonly (readonly [FaqQuestion, RegExp])[] = [
  [
    "availability",
    new RegExp(
      [
        String.raw`\b24 ?/ ?7\b`,
        String.raw`\b24 (?:hours|horas)\b`,
        String.raw`\b(?:what|which) (?:are )?(?:your |the )?(?:chat )?hours\b`,
        String.raw`\bopening hours\b`,
        String.raw`\b(?:are you|is (?:chat|support|someone|an agent)) (?:open|available)\b`,
        String.raw`\bwhen (?:is|are|can)\b.{0,30}\b(?:chat|agents?|open|available)\b`,
        String.raw`\bhorarios?\b`,
        String.raw`\bdisponibilidad\b`,
        String.raw`\b(?:esta|estan) (?:abierto|disponibles?)\b`,
        String.raw`\b(?:in|speak|habla|hablan|en) (?:spanish|espanol)\b`,
        String.raw`\bspanish[- ]speaking\b`,
        String.raw`\b(?:languages?|idiomas?)\b`,
      ].join("|"),
    ),
  ],
  [
    "never-asks-for",
    new RegExp(
      [
        String.raw`\b(?:will|would|do|does|could|can|did) (?:you|chat|agents?|an agent|the agent|the bank|they) (?:ever )?(?:ask|need|want|request)\b`,
        String.raw`\bshould i (?:share|give|send|type)\b`,
        String.raw`\bis (?:it|this|chat) (?:safe|secure)\b`,
        String.raw`\bsafe to (?:share|give|send|type)\b`,
        String.raw`\bwhat (?:information|info|details) (?:do|will|would) you need\b`,
        String.raw`\bhow (?:do|will|would) you verify\b`,
        String.raw`\b(?:me )?(?:pediran|pedira|piden|pide|pediria)n? (?:mi|el|la|mis|los)\b`,
        String.raw`\bdebo (?:dar|compartir|enviar|escribir)\b`,
        String.raw`\bes seguro\b`,
        String.raw`\bcomo (?:me )?verifican\b`,
      ].join("|"),
    ),
  ],
  [
    "dispute-timeline",
    new RegExp(
      [
        String.raw`\bhow (?:long|many days|much time)\b`,
        String.raw`\b(?:deadline|time ?limit|timeline|time ?frame)\b`,
        String.raw`\b(?:60|90|30) (?:days|dias)\b`,
        String.raw`\bcuanto (?:tiempo|tarda)\b`,
        String.raw`\bcuantos dias\b`,
        String.raw`\bplazos?\b`,
      ].join("|"),
    ),
  ],
  [
    "case-number",
    new RegExp(
      [
        String.raw`\bcase (?:number|#|id|reference)\b`,
        String.raw`\b(?:reference|ticket|tracking) (?:number|#)\b`,
        String.raw`\bnumero de (?:caso|referencia|folio|reporte)\b`,
      ].join("|"),
    ),
  ],
  [
    "is-ai",
    new RegExp(
      [
        String.raw`^(?:are|is|am|eres|es)\b.*\b(?:bot|robot|chatbot|ai|a\.i\.|artificial intelligence|automated|machine|inteligencia artificial|maquina)\b`,
        String.raw`\b(?:bot|robot|chatbot|ai|inteligencia artificial)\b.*\?`,
      ].join("|"),
    ),
  ],
];

/** The common questions the message asks, in a fixed order so replies are deterministic. */
export function askedQuestions(text: string): FaqQuestion[] {
  const normalized = normalizeText(text).replace(/^[¿¡\s]+/, "");
  return QUESTIONS.filter(([, pattern]) => pattern.test(normalized)).map(([question]) => question);
}
