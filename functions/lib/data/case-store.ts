import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type {
  CaseHistoryEntry,
  CaseRecord,
  CaseStatus,
  QueueOutcomes,
  RatingRecord,
  WrapUpRecord,
} from "./case-records.ts";
import { CASE_SK, CHAT_META_SK, casePk, chatPk, QUEUE_OUTCOMES_SK, queuePk } from "./keys.ts";
import { expiryAfter, isExpired, type RetentionPolicy } from "./retention.ts";
import { commitItems, type TransactItem } from "./transaction.ts";

/** What a once-only write (a wrap-up, a rating) found. */
export type OnceResult = "recorded" | "already" | "missing";

const WRAP_UP_PREFIX = "wrapUp:";
const SCORE_PREFIX = "score:";

/**
 * Cases (`CASE#<caseNumber>` / `CASE`, see ACCESS-PATTERNS.md) and each queue's outcome counters. A
 * status change is conditioned on the status it was read in, so two staff members racing cannot both
 * move a case from the same status; the history grows by `list_append` in the same write.
 */
export class CaseStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retention: Pick<RetentionPolicy, "case" | "queue">,
  ) {}

  async get(caseNumber: string): Promise<CaseRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: casePk(caseNumber), sk: CASE_SK },
        ConsistentRead: true,
      }),
    );
    if (!Item || isExpired(Item)) return undefined;
    return normalise(Item);
  }

  /** The Put of a new case, for the transaction that creates its chat: fails if the number is taken. */
  createItem(record: CaseRecord): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: this.item(record),
        ConditionExpression: "attribute_not_exists(pk)",
      },
    };
  }

  /**
   * Stores a complaint's case, and names it on its chat (`complaintCases`, so erasing the chat finds
   * it), in one transaction; false if the number is taken.
   */
  async create(record: CaseRecord): Promise<boolean> {
    const result = await commitItems(this.documents, [
      {
        Put: {
          TableName: this.tableName,
          Item: this.item(record),
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: chatPk(record.chatId), sk: CHAT_META_SK },
          UpdateExpression: "ADD complaintCases :case",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":case": new Set([record.caseNumber]) },
        },
      },
    ]);
    if (result.committed) return true;
    if (result.reasons[0]?.Code === "ConditionalCheckFailed") return false;
    throw new Error(
      `Could not store the complaint: ${result.reasons.map((reason) => reason.Code).join(", ")}`,
    );
  }

  /**
   * Moves a case from `from` to `entry.status` and appends `entry` to its history; false if the case
   * is no longer in `from` (someone else moved it first). Cases stored before statuses existed count
   * as `open`. `chatEnded` marks the move the chat's end makes, so it is made once.
   */
  async changeStatus(caseNumber: string, from: CaseStatus, entry: CaseHistoryEntry, chatEnded = false) {
    const fromOpen = from === "open" ? " OR attribute_not_exists(#status)" : "";
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: casePk(caseNumber), sk: CASE_SK },
          UpdateExpression: `SET #status = :to, updatedAt = :at, history = list_append(if_not_exists(history, :none), :entry)${chatEnded ? ", chatEndedAt = :at" : ""}`,
          ConditionExpression: `attribute_exists(pk) AND (#status = :from${fromOpen})${chatEnded ? " AND attribute_not_exists(chatEndedAt)" : ""}`,
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":to": entry.status,
            ":from": from,
            ":at": entry.at,
            ":none": [],
            ":entry": [entry],
          },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }

  /** Stores the chat's wrap-up once, and counts its code in the queue's outcomes in the same transaction. */
  recordWrapUp(caseNumber: string, wrapUp: WrapUpRecord): Promise<OnceResult> {
    const counters = wrapUp.queueId
      ? [this.countItem(wrapUp.queueId, "ADD #code :one", { "#code": `${WRAP_UP_PREFIX}${wrapUp.code}` }, {})]
      : [];
    return this.once(caseNumber, "wrapUp", wrapUp, counters);
  }

  /** Stores the chat's rating once, and adds it to the queue's outcomes in the same transaction. */
  recordRating(caseNumber: string, rating: RatingRecord, queueId: string | undefined): Promise<OnceResult> {
    const counters = queueId
      ? [
          this.countItem(
            queueId,
            "ADD ratings :one, ratingSum :score, #score :one",
            {
              "#score": `${SCORE_PREFIX}${rating.score}`,
            },
            { ":score": rating.score },
          ),
        ]
      : [];
    return this.once(caseNumber, "rating", rating, counters);
  }

  async outcomes(queueId: string): Promise<QueueOutcomes> {
    const { Item = {} } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: queuePk(queueId), sk: QUEUE_OUTCOMES_SK },
        ConsistentRead: true,
      }),
    );
    const byPrefix = (prefix: string) =>
      Object.fromEntries(
        Object.entries(Item)
          .filter(([name]) => name.startsWith(prefix))
          .map(([name, count]) => [name.slice(prefix.length), Number(count)]),
      );
    return {
      wrapUps: byPrefix(WRAP_UP_PREFIX),
      ratings: Number(Item.ratings ?? 0),
      ratingSum: Number(Item.ratingSum ?? 0),
      scores: byPrefix(SCORE_PREFIX),
    };
  }

  private async once(
    caseNumber: string,
    field: "wrapUp" | "rating",
    value: WrapUpRecord | RatingRecord,
    counters: TransactItem[],
  ): Promise<OnceResult> {
    const result = await commitItems(this.documents, [
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: casePk(caseNumber), sk: CASE_SK },
          UpdateExpression: "SET #field = :value, updatedAt = :at",
          ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(#field)",
          ExpressionAttributeNames: { "#field": field },
          ExpressionAttributeValues: { ":value": value, ":at": value.at },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      },
      ...counters,
    ]);
    if (result.committed) return "recorded";
    const reason = result.reasons[0];
    if (reason?.Code !== "ConditionalCheckFailed")
      throw new Error(`Could not store the ${field}: ${reason?.Code}`);
    return reason.Item ? "already" : "missing";
  }

  private countItem(
    queueId: string,
    add: string,
    names: Record<string, string>,
    values: Record<string, number>,
  ): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: queuePk(queueId), sk: QUEUE_OUTCOMES_SK },
        UpdateExpression: `${add} SET expiresAt = :expires`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ":one": 1,
          ":expires": expiryAfter(Date.now(), this.retention.queue),
          ...values,
        },
      },
    };
  }

  private item(record: CaseRecord): Record<string, unknown> {
    // A complaint outlives its chat's closure, which sets only the chat case's expiry: it gets its own.
    const expires =
      record.kind === "complaint" ? { expiresAt: expiryAfter(record.createdAt, this.retention.case) } : {};
    return { pk: casePk(record.caseNumber), sk: CASE_SK, ...record, ...expires };
  }
}

/** Cases written by the closure before cases had statuses are chat cases, open, with no history yet. */
function normalise(item: Record<string, unknown>): CaseRecord {
  const { pk: _pk, sk: _sk, expiresAt: _expires, ...rest } = item;
  const record = rest as Partial<CaseRecord> & { chatId: string; createdAt: string };
  return {
    ...record,
    caseNumber: String(item.pk).slice("CASE#".length),
    kind: record.kind ?? "chat",
    status: record.status ?? "open",
    updatedAt: record.updatedAt ?? record.createdAt,
    history: record.history ?? [],
  };
}
