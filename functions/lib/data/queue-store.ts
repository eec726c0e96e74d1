import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { initialStats } from "../queueing/update-stats.ts";
import type { QueueStats } from "../queueing/wait-types.ts";
import type { QueueEntry } from "./agent-records.ts";
import { QUEUE_ENTRY_PREFIX, QUEUE_STATS_SK, queuePk } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { expiryAfter, RETENTION_DEFAULT_DAYS } from "./retention.ts";
import { RETRY, retryOnConflict } from "./retry-on-conflict.ts";
import type { TransactItem } from "./transaction.ts";

/**
 * Waiting chats, one partition per queue, ordered by priority and then by original enqueue time, so
 * the head of the queue is the first item of a query and a position is a COUNT of the items before.
 * Entries and statistics carry an `expiresAt` `retentionDays` after their last put, so a queue that is
 * no longer served (or an entry a failure left behind) is removed by TTL.
 */
export class QueueStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number = RETENTION_DEFAULT_DAYS.queue,
  ) {}

  async get(queueId: string, sk: string): Promise<QueueEntry | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: queuePk(queueId), sk }, ConsistentRead: true }),
    );
    return Item as QueueEntry | undefined;
  }

  list(queueId: string): Promise<QueueEntry[]> {
    return queryAll<QueueEntry>(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
      ExpressionAttributeValues: { ":pk": queuePk(queueId), ":p": QUEUE_ENTRY_PREFIX },
      ConsistentRead: true,
    });
  }

  putItem(entry: QueueEntry): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        // The key comes last: an entry read back from the table carries its old pk, and overflow moves it.
        Item: {
          ...entry,
          pk: queuePk(entry.queueId),
          sk: entry.sk,
          expiresAt: expiryAfter(Date.now(), this.retentionDays),
        },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    };
  }

  offerItem(entry: QueueEntry, agentId: string, expiresAt: string): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: queuePk(entry.queueId), sk: entry.sk },
        UpdateExpression: "SET #state = :offered, offeredTo = :agent, offerExpiresAt = :expires",
        ConditionExpression: "#state = :waiting AND NOT contains(declinedBy, :agent)",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":offered": "offered",
          ":waiting": "waiting",
          ":agent": agentId,
          ":expires": expiresAt,
        },
      },
    };
  }

  /** Takes the offer back from `agentId`; the agent will not be offered this chat again. */
  releaseOfferItem(entry: QueueEntry, agentId: string): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: queuePk(entry.queueId), sk: entry.sk },
        UpdateExpression: "SET #state = :waiting REMOVE offeredTo, offerExpiresAt ADD declinedBy :agents",
        ConditionExpression: "offeredTo = :agent",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":waiting": "waiting",
          ":agent": agentId,
          ":agents": new Set([agentId]),
        },
      },
    };
  }

  /** The fraud reminder went out: clears `remindAt`, only once (it must still be there). */
  reminderSentItem(entry: QueueEntry): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: queuePk(entry.queueId), sk: entry.sk },
        UpdateExpression: "REMOVE remindAt",
        ConditionExpression: "attribute_exists(remindAt)",
      },
    };
  }

  /** Removes the entry; with `offeredTo`, only while that agent still holds the offer. */
  deleteItem(entry: QueueEntry, offeredTo?: string): TransactItem {
    return {
      Delete: {
        TableName: this.tableName,
        Key: { pk: queuePk(entry.queueId), sk: entry.sk },
        ConditionExpression: offeredTo ? "offeredTo = :agent" : "attribute_exists(pk)",
        ExpressionAttributeValues: offeredTo ? { ":agent": offeredTo } : undefined,
      },
    };
  }

  async recordEstimate(entry: QueueEntry, position: number, estimate: number | null): Promise<void> {
    await this.documents
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: queuePk(entry.queueId), sk: entry.sk },
          UpdateExpression:
            "SET lastPosition = :position, lastEstimateSeconds = :estimate, lastStatusAt = :now",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: {
            ":position": position,
            ":estimate": estimate,
            ":now": new Date().toISOString(),
          },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== "ConditionalCheckFailedException") throw error;
      });
  }

  async remove(entry: Pick<QueueEntry, "queueId" | "sk">): Promise<QueueEntry | undefined> {
    const { Attributes } = await this.documents.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: queuePk(entry.queueId), sk: entry.sk },
        ReturnValues: "ALL_OLD",
      }),
    );
    return Attributes as QueueEntry | undefined;
  }

  async stats(queueId: string): Promise<QueueStats> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: queuePk(queueId), sk: QUEUE_STATS_SK } }),
    );
    return (Item?.stats as QueueStats | undefined) ?? initialStats();
  }

  /**
   * Read-modify-write of the rolling statistics, guarded by a version so concurrent updates retry.
   * Statistics only tune estimates: a caller may let RetryBudgetExhausted pass (it is logged and counted).
   */
  updateStats(queueId: string, update: (stats: QueueStats) => QueueStats): Promise<void> {
    return retryOnConflict(
      async () => {
        const { Item } = await this.documents.send(
          new GetCommand({
            TableName: this.tableName,
            Key: { pk: queuePk(queueId), sk: QUEUE_STATS_SK },
            ConsistentRead: true,
          }),
        );
        const version = (Item?.version as number | undefined) ?? 0;
        const stats = update((Item?.stats as QueueStats | undefined) ?? initialStats());
        try {
          await this.documents.send(
            new PutCommand({
              TableName: this.tableName,
              Item: {
                pk: queuePk(queueId),
                sk: QUEUE_STATS_SK,
                stats,
                version: version + 1,
                expiresAt: expiryAfter(Date.now(), this.retentionDays),
              },
              ConditionExpression: Item ? "version = :version" : "attribute_not_exists(pk)",
              ExpressionAttributeValues: Item ? { ":version": version } : undefined,
            }),
          );
          return undefined;
        } catch (error) {
          if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
          return RETRY;
        }
      },
      { operation: "updateStats" },
    );
  }
}
