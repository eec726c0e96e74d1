import type {
  CaseActor,
  CaseHistoryEntry,
  CaseRecord,
  CaseStatus,
  RatingRecord,
  WrapUpRecord,
} from "../data/case-records.ts";
import type { CareEvent } from "../events/event-schemas.ts";

/**
 * The events of case changes, built from what was stored (so every text in them is the masked one).
 * Pure: the use cases publish them after their commit.
 */
/** What every event says about its case. */
export type CaseRef = Pick<CaseRecord, "caseNumber" | "chatId" | "kind" | "customerId">;

const common = (record: CaseRef, at: string) => ({
  version: 1 as const,
  caseNumber: record.caseNumber,
  chatId: record.chatId,
  kind: record.kind,
  ...(record.customerId ? { customerId: record.customerId } : {}),
  at,
});

const actor = (by: CaseActor) => ({
  role: by.role,
  ...(by.id ? { id: by.id } : {}),
  ...(by.name ? { name: by.name } : {}),
});

export const caseCreatedEvent = (record: CaseRecord): CareEvent => ({
  detailType: "Case Created",
  detail: { ...common(record, record.createdAt), status: record.status },
});

export const caseStatusChangedEvent = (
  record: CaseRef,
  from: CaseStatus,
  entry: CaseHistoryEntry,
): CareEvent => ({
  detailType: "Case Status Changed",
  detail: {
    ...common(record, entry.at),
    from,
    to: entry.status,
    ...(entry.note ? { note: entry.note } : {}),
    ...(entry.by ? { by: actor(entry.by) } : {}),
  },
});

export const complaintLoggedEvent = (
  record: CaseRecord,
  by: CaseActor,
  chatCaseNumber?: string,
): CareEvent => ({
  detailType: "Complaint Logged",
  detail: {
    ...common(record, record.createdAt),
    ...(chatCaseNumber ? { chatCaseNumber } : {}),
    text: record.text ?? "",
    by: actor(by),
  },
});

export const chatWrappedUpEvent = (record: CaseRef, wrapUp: WrapUpRecord): CareEvent => ({
  detailType: "Chat Wrapped Up",
  detail: {
    ...common(record, wrapUp.at),
    code: wrapUp.code,
    ...(wrapUp.note ? { note: wrapUp.note } : {}),
    ...(wrapUp.queueId ? { queueId: wrapUp.queueId } : {}),
    by: actor(wrapUp.by),
  },
});

export const chatRatedEvent = (
  record: CaseRef,
  rating: RatingRecord,
  queueId: string | undefined,
): CareEvent => ({
  detailType: "Chat Rated",
  detail: {
    ...common(record, rating.at),
    score: rating.score,
    ...(rating.comment ? { comment: rating.comment } : {}),
    ...(queueId ? { queueId } : {}),
  },
});
