/**
 * The behaviours the labelled utterance set (test/fixtures/assistant/utterances.json) names, each
 * checked on the real assistant's reply. The phone numbers and products come from the shipped
 * routing configuration, the answers from the assistant's knowledge, so a check fails when either
 * the reply or the data it should carry is wrong.
 */
import { knowledgeFor } from "../../../../functions/lib/assistant/knowledge.ts";
import { phrasesFor } from "../../../../functions/lib/assistant/phrases.ts";
import type { AssistantReply, Language, Topic } from "../../../../functions/lib/assistant/types.ts";
import { DIRECTORY } from "./conversation.ts";

export interface UtteranceCase {
  readonly group: string;
  readonly text: string;
  readonly language: Language;
  readonly topic?: Topic;
  readonly expect: string;
  readonly previous?: readonly string[];
  readonly country?: string;
}

const countryNumber = (country: string) => DIRECTORY.contactNumbers[country];

/** Why the reply misses the case's expectation, or undefined when it meets it. */
export function unmet(testCase: UtteranceCase, reply: AssistantReply): string | undefined {
  const country = testCase.country ?? "US";
  const knowledge = knowledgeFor(testCase.language);
  const phrases = phrasesFor(testCase.language);
  const text = reply.messages.join(" ");
  const has = (message: string) => reply.messages.includes(message);
  if (testCase.topic !== undefined && reply.state.topic !== testCase.topic)
    return `topic ${reply.state.topic}, expected ${testCase.topic}`;
  const [kind, detail] = testCase.expect.split(":") as [string, string | undefined];
  const noAgent = reply.wantsAgent ? "connected an agent" : undefined;
  switch (kind) {
    case "fraud-now": {
      const number = countryNumber(country) ?? "";
      if (!reply.urgentFraud) return "not urgent fraud";
      return reply.messages[0]?.includes(number) === true ? undefined : `first message lacks ${number}`;
    }
    case "travel-funds-now": {
      const number = countryNumber(country) ?? "";
      if (reply.urgentTravel !== true) return "not an urgent travel emergency";
      return reply.messages[0]?.includes(number) === true ? undefined : `first message lacks ${number}`;
    }
    case "dispute-details":
      if (reply.urgentFraud) return "treated as fraud";
      return text.includes(phrases.askFor("").slice(0, 30))
        ? noAgent
        : "does not ask for the dispute details";
    case "answer":
      if (testCase.topic === undefined || testCase.topic === "fraud" || testCase.topic === "agent-request")
        return "fixture error: answer needs an answered topic";
      return has(knowledge.answers[testCase.topic]) ? noAgent : `no ${testCase.topic} answer`;
    case "offer-agent":
      return reply.state.agentOffered && !reply.wantsAgent ? undefined : "no offer of an agent";
    case "connect":
      return reply.wantsAgent ? undefined : "no agent";
    case "team":
      if (!reply.wantsAgent) return "no agent";
      return reply.requestedTeam === detail ? undefined : `team ${reply.requestedTeam}, expected ${detail}`;
    case "product": {
      const product = DIRECTORY.products.find((candidate) => candidate.id === detail);
      const number = product?.contactNumbers[country];
      if (number === undefined) return `fixture error: no number for ${detail}`;
      return text.includes(number) ? noAgent : `no ${detail} number ${number}`;
    }
    case "faq": {
      const answers: Record<string, string> = {
        availability: knowledge.availability,
        "never-asks-for": knowledge.neverAsksFor,
        "case-number": knowledge.caseNumber,
        "is-ai": knowledge.isAi,
      };
      return has(answers[detail ?? ""] ?? "?") ? noAgent : `no ${detail} answer`;
    }
    case "menu":
      return has(knowledge.answers.general) ? noAgent : "no menu";
    case "decline":
      return !reply.wantsAgent && reply.state.agentDeclined === true ? undefined : "not declined";
    case "acknowledge":
      if (reply.wantsAgent) return "connected an agent";
      if (reply.messages.length === 0 || has(phrases.notSure)) return "did not understand";
      return has(phrases.offerAgent) ? "offered an agent again" : undefined;
    default:
      return `fixture error: unknown expectation ${testCase.expect}`;
  }
}
