/**
 * Types of the virtual assistant. The assistant sits behind `VirtualAssistant` so that a hosted model
 * (for example Amazon Bedrock or Amazon Lex) can replace the rule-based one by configuration.
 */

export type { RequestedTeam, SpecialistTopic, Topic } from "../vocabulary/topics.ts";

import type { RequestedTeam, Topic } from "../vocabulary/topics.ts";

export type { Language } from "../language/languages.ts";

import type { Language } from "../language/languages.ts";

/** Language-neutral codes, so agents and summaries can show them in any language. */
export type Accommodation =
  | "screen-reader"
  | "more-time"
  | "written-summary"
  | "hard-of-hearing"
  | "low-vision"
  | "plain-language";

export type Currency = "USD" | "EUR" | "GBP" | "MXN" | "JPY" | "CAD";

export interface ExtractedDetails {
  /** Decimal amount without grouping separators, e.g. "1234.56". */
  amount?: string;
  currency?: Currency;
  /** The date as the customer wrote it, e.g. "08/15" or "15 de agosto". */
  date?: string;
  merchant?: string;
  cardLast4?: string;
  accommodations?: Accommodation[];
}

export type { DetailField } from "../language/wording/wording-types.ts";

/**
 * The phone numbers the assistant may give (fraud happening now, emergencies): built by the composition
 * root from the routing configuration, so the assistant never loads configuration itself.
 */
export interface ContactDirectory {
  /** The configured number for the customer's country, if there is one. */
  known(country: string): string | undefined;
}

export interface CustomerProfile {
  /** ISO 3166-1 alpha-2 code, e.g. "US". */
  country: string;
  /** BCP 47 tag, e.g. "en-US" or "es-MX". */
  locale: string;
  segment: string;
  name?: string;
  accounts: { last4: string; product?: string }[];
}

/** A product served by its own phone line (prepaid cards, gift cards), as the assistant recognises it. */
export interface ProductContact {
  readonly id: string;
  readonly name: string;
  /** Phrases customers use for it, matched as whole words, without case or accents. */
  readonly names: readonly string[];
  readonly segment: string;
  /** Country code → the number to call about the product. */
  readonly contactNumbers: Readonly<Record<string, string>>;
}

/**
 * What the assistant needs from the routing configuration: phone numbers and products. It is given
 * to the assistant (a slice of the configuration is enough), never loaded by it.
 */
export interface AssistantDirectory {
  readonly contactNumbers: Readonly<Record<string, string>>;
  readonly defaultContactNumber: string;
  readonly defaultContactNumberByLanguage: Readonly<Record<string, string>>;
  readonly products: readonly ProductContact[];
}

export interface AssistantState {
  topic?: Topic;
  language: Language;
  details: ExtractedDetails;
  turns: number;
  /** An offer to connect a live agent is pending: a "yes" now means the customer wants one. */
  agentOffered: boolean;
  /** The customer said no to an offer, so the assistant does not repeat it on every turn. */
  agentDeclined?: boolean;
  /** The team the customer asked for by name, kept until the handoff takes it. */
  requestedTeam?: RequestedTeam;
}

export interface AssistantTurn {
  text: string;
  /** The language the customer chose; when absent it is detected from the text. */
  language?: Language;
  profile: CustomerProfile;
  state: AssistantState;
  /** The chat's case number (it exists from the start), for a customer who asks for it. */
  caseNumber?: string;
}

export interface AssistantReply {
  messages: string[];
  state: AssistantState;
  /** true when the customer asked for a person or the assistant decided one is needed */
  wantsAgent: boolean;
  urgentFraud: boolean;
  /** The customer is travelling and needs funds now: they were given the number to call. */
  urgentTravel?: boolean;
  /** With `wantsAgent`: the team the customer asked for, for the handoff to route to. */
  requestedTeam?: RequestedTeam;
}

export interface VirtualAssistant {
  /** Also returns the initial state. Without a language, it follows the profile's locale. */
  greet(profile: CustomerProfile, language?: Language): AssistantReply;
  reply(turn: AssistantTurn): Promise<AssistantReply>;
}

export interface TopicClassification {
  topic: Topic;
  /** 0 when nothing matched, 1 for a strong, unambiguous match. */
  confidence: number;
}

export type ChatRole = "customer" | "assistant" | "agent" | "supervisor" | "system";

export interface ChatSummaryInput {
  topic?: Topic;
  details: ExtractedDetails;
  language: Language;
  messages: { role: ChatRole; text: string }[];
  caseNumber: string;
  agentJoined: boolean;
  /** Shown as given, e.g. "2026-08-20 14:03 UTC"; the seed advises keeping the date with the case number. */
  chatDate?: string;
  /** The customer's country, so a fraud summary can give the right phone number. */
  country?: string;
}
