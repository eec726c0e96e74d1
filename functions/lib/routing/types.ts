import type { Topic } from "../vocabulary/topics.ts";

/** What the router knows about a chat. Strings are taken as they come from tokens and chats. */
export interface RoutingRequest {
  /** ISO 3166-1 alpha-2 code in any case; "UK" is read as "GB". */
  readonly country: string;
  /** A language code or a BCP 47 tag ("es-MX" is read as "es"). */
  readonly language: string;
  readonly segment: string;
  readonly topic?: Topic | undefined;
  /** The chat goes to the supervisors' queue, whatever else is known. */
  readonly escalation?: boolean | undefined;
}

export interface RoutingDecision {
  readonly queueId: string;
  /** Higher is offered first: the queue's base priority plus the boosts of the topic. */
  readonly priority: number;
  /** For logs and agents, in English: which queue matched and what was relaxed to find it. */
  readonly reason: string;
  /** true when the request could not be matched as given (no topic, or a segment, language or country without a queue). */
  readonly fellBack: boolean;
}

export type Day = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/**
 * The token's segments (docs/PROTOCOL.md: consumer, small-business, corporate, prepaid) and "merchant":
 * merchants are not cardmembers and carry no cardmember segment, but they have a queue of their own,
 * reached when a chat says it is from a merchant (see requestForTeam).
 */
export type Segment = "consumer" | "small-business" | "corporate" | "prepaid" | "merchant";

/** Matches every value of a dimension (country, language, segment or topic). */
export type Wildcard = "*";

/** A queue's values for one dimension after parsing: every value, or the listed ones. */
export type Selector<T extends string> = Wildcard | readonly T[];
