import { wordsOf } from "./normalize-text.ts";
import { preparedVariants } from "./prepare-text.ts";
import { PATTERNS, TOPIC_PRIORITY } from "./topic-patterns.ts";
import type { Language, Topic, TopicClassification } from "./types.ts";

export { TOPIC_PRIORITY } from "./topic-patterns.ts";

function scoresFor(variants: readonly string[]): Map<Topic, number> {
  const scores = new Map<Topic, number>();
  for (const topic of TOPIC_PRIORITY) {
    const patterns = PATTERNS[topic as Exclude<Topic, "general">];
    const score = patterns.reduce(
      (sum, [pattern, weight]) => sum + (variants.some((text) => pattern.test(text)) ? weight : 0),
      0,
    );
    if (score > 0) scores.set(topic, score);
  }
  return scores;
}

/** A score this high means at least one strong phrase plus a supporting word. */
const FULL_CONFIDENCE_SCORE = 4;

export function classifyTopic(text: string): TopicClassification {
  const scores = scoresFor(preparedVariants(text));
  const substantive = [...scores.keys()].filter((topic) => topic !== "agent-request");
  const candidates = substantive.length > 0 ? substantive : [...scores.keys()];
  let best: Topic | undefined;
  for (const topic of TOPIC_PRIORITY) {
    if (!candidates.includes(topic)) continue;
    if (best === undefined || (scores.get(topic) ?? 0) > (scores.get(best) ?? 0)) best = topic;
  }
  if (best === undefined) return { topic: "general", confidence: 0 };
  const top = scores.get(best) ?? 0;
  const total = candidates.reduce((sum, topic) => sum + (scores.get(topic) ?? 0), 0);
  const confidence = Math.min(1, top / FULL_CONFIDENCE_SCORE) * (top / total);
  return { topic: best, confidence: Math.round(confidence * 100) / 100 };
}

/** True when the customer asks for a person, in any language, whatever else the message is about. */
export function asksForAgent(text: string): boolean {
  const variants = preparedVariants(text);
  return PATTERNS["agent-request"].some(([pattern]) => variants.some((variant) => pattern.test(variant)));
}

const SPANISH_WORDS = new Set(
  (
    "hola gracias quiero necesito tarjeta cargo cargos pago mi mis el la los las de del que por para con una " +
    "es esta estoy puedo ayuda cuenta favor usted se lo y en al como cuando donde hablar agente persona " +
    "representante queja reclamo fraude puntos viaje tengo hay pero muy buenos buenas dias tardes noches"
  ).split(" "),
);
const ENGLISH_WORDS = new Set(
  (
    "the i my is to and of for on it you with this that have can please card charge charges want need " +
    "hello hi thanks thank was what how do did am are in at from be would like talk speak agent person " +
    "help payment yes not don't didn't there good morning evening"
  ).split(" "),
);

/** Simple Spanish-or-English heuristic; with no evidence either way it keeps `fallback`. */
export function detectLanguage(text: string, fallback: Language = "en"): Language {
  const words = wordsOf(text);
  let spanish = /[ñ¿¡áéíóú]/i.test(text) ? 2 : 0;
  let english = 0;
  for (const word of words) {
    if (SPANISH_WORDS.has(word)) spanish += 1;
    if (ENGLISH_WORDS.has(word)) english += 1;
  }
  if (spanish > english) return "es";
  if (english > spanish) return "en";
  return fallback;
}

export { languageFromLocale } from "../language/languages.ts";
