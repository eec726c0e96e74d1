/**
 * What the assistant says around the answers: greeting, questions, offers. The wording lives with every
 * other customer-facing text of a language in language/wording/, so that a language is added in one place.
 */
import type { Language } from "../language/languages.ts";
import { type AssistantPhrases, wordingFor } from "../language/wording/index.ts";
import type { RequestedTeam } from "./types.ts";

export type Phrases = Omit<AssistantPhrases, "connectingTo"> & {
  /** Connecting to a team the customer asked for by name. */
  readonly connectingTo: (team: RequestedTeam) => string;
};

export function phrasesFor(language: Language): Phrases {
  const wording = wordingFor(language);
  return {
    ...wording.assistant,
    connectingTo: (team) => wording.assistant.connectingTo(wording.teams[team]),
  };
}
