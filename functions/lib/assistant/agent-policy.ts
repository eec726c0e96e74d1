/**
 * When the assistant hands over to a person, and what it collects first so the agent does not have
 * to ask again. The rule-based assistant cannot act on an account, so anything that changes one
 * (a dispute, a replacement card, a new address) ends with an agent once the details are in.
 */
import { normalizeText } from "./normalize-text.ts";
import { COMPLEX_TRAVEL } from "./topic-patterns.ts";
import type { DetailField, ExtractedDetails, Topic } from "./types.ts";

export const REQUIRED_DETAILS: Readonly<Record<Topic, readonly DetailField[]>> = {
  dispute: ["amount", "date", "merchant", "cardLast4"],
  "card-services": ["cardLast4"],
  billing: ["cardLast4"],
  "account-changes": ["cardLast4"],
  credit: ["cardLast4"],
  rewards: [],
  travel: [],
  // Fraud happening now is for the phone, not for collecting details in chat.
  fraud: [],
  complaint: [],
  "agent-request": [],
  general: [],
};

/** After this many customer turns without an answer that helped, the assistant offers a person. */
export const OFFER_AGENT_AFTER_TURNS = 3;

const AGENT_ONCE_DETAILS_COMPLETE: ReadonlySet<Topic> = new Set([
  "dispute",
  "card-services",
  "billing",
  "account-changes",
  "credit",
]);

export function missingDetails(topic: Topic | undefined, details: ExtractedDetails): DetailField[] {
  if (topic === undefined) return [];
  return REQUIRED_DETAILS[topic].filter((field) => details[field] === undefined);
}

/** Whether the topic, as far as the chat has got, needs a live agent to finish. */
export function topicNeedsAgent(topic: Topic | undefined, details: ExtractedDetails, text: string): boolean {
  if (topic === undefined) return false;
  if (topic === "complaint") return true;
  if (topic === "travel") return COMPLEX_TRAVEL.test(normalizeText(text));
  return AGENT_ONCE_DETAILS_COMPLETE.has(topic) && missingDetails(topic, details).length === 0;
}
