/**
 * What the assistant says around the answers: greeting, questions, offers. The wording lives with every
 * other customer-facing text of a language in language/wording/, so that a language is added in one place.
 */
import type { Language } from "../language/languages.ts";
import { type AssistantPhrases, wordingFor } from "../language/wording/index.ts";

export type Phrases = AssistantPhrases;

export function phrasesFor(language: Language): Phrases {
  return wordingFor(language).assistant;
}
