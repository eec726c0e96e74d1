import type {
  CaseHistoryEntry,
  CaseRecord,
  CaseStatus,
  QueueOutcomes,
  RatingRecord,
  WrapUpRecord,
} from "../../../functions/lib/data/case-records.ts";
import type { CaseStore, OnceResult } from "../../../functions/lib/data/case-store.ts";
import type { TransactItem } from "../../../functions/lib/data/transaction.ts";
import type { EventBus } from "../../../functions/lib/events/event-bus.ts";
import type { CareEvent } from "../../../functions/lib/events/event-schemas.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";
import { copy } from "./memory-table.ts";

/**
 * Cases and queue outcomes in memory, with CaseStore's conditions: a status change only from the
 * status given, a wrap-up and a rating once. `createItem` stores at once: the memory chat store's
 * transactions always commit, so the case is there exactly when the chat is.
 */
export class MemoryCaseStore implements PortOf<CaseStore> {
  readonly cases = new Map<string, CaseRecord>();
  readonly outcomesByQueue = new Map<
    string,
    { wrapUps: Record<string, number>; ratings: number; ratingSum: number; scores: Record<string, number> }
  >();

  async get(caseNumber: string): Promise<CaseRecord | undefined> {
    const found = this.cases.get(caseNumber);
    return found ? copy(found) : undefined;
  }

  createItem(record: CaseRecord): TransactItem {
    if (this.cases.has(record.caseNumber)) throw new Error(`case ${record.caseNumber} exists`);
    this.cases.set(record.caseNumber, copy(record));
    return {
      ConditionCheck: { TableName: "memory", Key: { pk: record.caseNumber }, ConditionExpression: "x" },
    };
  }

  async create(record: CaseRecord): Promise<boolean> {
    if (this.cases.has(record.caseNumber)) return false;
    this.cases.set(record.caseNumber, copy(record));
    return true;
  }

  async changeStatus(caseNumber: string, from: CaseStatus, entry: CaseHistoryEntry, chatEnded = false) {
    const current = this.cases.get(caseNumber);
    if (!current || current.status !== from || (chatEnded && current.chatEndedAt)) return false;
    this.cases.set(caseNumber, {
      ...current,
      status: entry.status,
      updatedAt: entry.at,
      history: [...current.history, copy(entry)],
      ...(chatEnded ? { chatEndedAt: entry.at } : {}),
    });
    return true;
  }

  async recordWrapUp(caseNumber: string, wrapUp: WrapUpRecord): Promise<OnceResult> {
    const result = this.once(caseNumber, "wrapUp", wrapUp);
    if (result === "recorded" && wrapUp.queueId) {
      const outcomes = this.outcomesOf(wrapUp.queueId);
      outcomes.wrapUps[wrapUp.code] = (outcomes.wrapUps[wrapUp.code] ?? 0) + 1;
    }
    return result;
  }

  async recordRating(
    caseNumber: string,
    rating: RatingRecord,
    queueId: string | undefined,
  ): Promise<OnceResult> {
    const result = this.once(caseNumber, "rating", rating);
    if (result === "recorded" && queueId) {
      const outcomes = this.outcomesOf(queueId);
      outcomes.ratings += 1;
      outcomes.ratingSum += rating.score;
      outcomes.scores[String(rating.score)] = (outcomes.scores[String(rating.score)] ?? 0) + 1;
    }
    return result;
  }

  async outcomes(queueId: string): Promise<QueueOutcomes> {
    return copy(this.outcomesOf(queueId));
  }

  private once(
    caseNumber: string,
    field: "wrapUp" | "rating",
    value: WrapUpRecord | RatingRecord,
  ): OnceResult {
    const current = this.cases.get(caseNumber);
    if (!current) return "missing";
    if (current[field]) return "already";
    this.cases.set(caseNumber, { ...current, [field]: copy(value), updatedAt: value.at });
    return "recorded";
  }

  private outcomesOf(queueId: string) {
    let outcomes = this.outcomesByQueue.get(queueId);
    if (!outcomes) {
      outcomes = { wrapUps: {}, ratings: 0, ratingSum: 0, scores: {} };
      this.outcomesByQueue.set(queueId, outcomes);
    }
    return outcomes;
  }
}

/** Keeps every published event; `failures` makes the next publishes throw, as a refused PutEvents does. */
export class RecordingEventBus implements EventBus {
  readonly published: CareEvent[] = [];
  failures = 0;

  async publish(events: readonly CareEvent[]): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error("PutEvents failed");
    }
    this.published.push(...copy([...events]));
  }
}
