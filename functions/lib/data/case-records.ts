import type { ParticipantRole } from "../protocol/server-frames.ts";

/**
 * Case items as stored (`CASE#<caseNumber>` / `CASE`). A chat's own case is created with the chat; a
 * complaint is a case of its own, linked to the chat it was logged in. Every free text here (notes,
 * complaint text, rating comment) is masked before it is stored.
 */
export const CASE_STATUSES = ["open", "in-progress", "resolved", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_KINDS = ["chat", "complaint"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Who changed a case: a staff member, or the system itself (the chat ended). */
export interface CaseActor {
  readonly role: ParticipantRole;
  readonly id?: string;
  readonly name?: string;
}

export interface CaseHistoryEntry {
  readonly status: CaseStatus;
  readonly at: string;
  readonly note?: string;
  readonly by?: CaseActor;
}

export interface WrapUpRecord {
  readonly code: string;
  readonly note?: string;
  readonly at: string;
  readonly by: CaseActor;
  /** The queue the agent took the chat from, whose statistics counted this code. */
  readonly queueId?: string;
}

export interface RatingRecord {
  readonly score: number;
  readonly comment?: string;
  readonly at: string;
}

export interface CaseRecord {
  readonly caseNumber: string;
  readonly chatId: string;
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  /** The customer the case belongs to (the chat's customer): the one customer who may read it. */
  readonly customerId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: readonly CaseHistoryEntry[];
  /** A complaint's own words (masked). */
  readonly text?: string;
  readonly wrapUp?: WrapUpRecord;
  readonly rating?: RatingRecord;
  /** Set once the chat's end has moved its case: the closure may run again, the move happens once. */
  readonly chatEndedAt?: string;
}

/** Counters of one queue's outcomes (`QUEUE#<id>` / `OUTCOMES`), written with atomic ADDs. */
export interface QueueOutcomes {
  readonly wrapUps: Readonly<Record<string, number>>;
  readonly ratings: number;
  readonly ratingSum: number;
  /** Ratings by score, "1".."5". */
  readonly scores: Readonly<Record<string, number>>;
}
