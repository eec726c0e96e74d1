import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
} from "@aws-sdk/lib-dynamodb";
import {
  CONNECTION_SK,
  chatPk,
  connectionPk,
  subscriptionSk,
  tokenConnectionSk,
  tokenPk,
  USER_CONNECTION_PREFIX,
  USER_CONNECTIONS_SK,
  userConnectionSk,
  userPk,
  WATCHERS_PK,
  watcherSk,
} from "./keys.ts";
import { indexes } from "./table-definition.ts";
import { commitItems, type TransactItem } from "./transaction.ts";

const { byUser } = indexes;

import type { ConnectionRecord } from "./records.ts";

export interface RemovedConnection {
  readonly record: ConnectionRecord;
  /** The user's connections still open after this one closed. */
  readonly remaining: number;
}

const BATCH_WRITE_LIMIT = 25;

/** Open WebSocket connections, each with the chats it is subscribed to. */
export class ConnectionStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Records a connection and counts it among its user's open connections, in one transaction. With
   * `maxOpen`, the count's condition refuses a user already holding that many: nothing is written and
   * the answer is false (the cap costs no extra call and no race can pass it).
   */
  async put(connection: ConnectionRecord, maxOpen?: number): Promise<boolean> {
    const count = this.countItem(connection.userId, 1, connection.expiresAt);
    if (maxOpen !== undefined && count.Update) {
      count.Update.ConditionExpression = "attribute_not_exists(#open) OR #open < :max";
      count.Update.ExpressionAttributeValues = { ...count.Update.ExpressionAttributeValues, ":max": maxOpen };
    }
    const written = await commitItems(this.documents, [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            pk: connectionPk(connection.connectionId),
            sk: CONNECTION_SK,
            [byUser.partitionKey.name]: userPk(connection.userId),
            [byUser.sortKey.name]: userConnectionSk(connection.connectionId),
            ...connection,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      count,
    ]);
    return written.committed;
  }

  async get(connectionId: string): Promise<ConnectionRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: connectionPk(connectionId), sk: CONNECTION_SK },
        ConsistentRead: true,
      }),
    );
    return Item as ConnectionRecord | undefined;
  }

  /**
   * Deletes the connection and uncounts it, in one transaction, so the count stays true however
   * often a close is reported ($disconnect and a 410 cleanup may both do it). Returns the record and
   * how many connections its user still has open, or undefined if it was already gone.
   */
  async remove(connectionId: string): Promise<RemovedConnection | undefined> {
    const record = await this.get(connectionId);
    if (!record) return undefined;
    const removed = await commitItems(this.documents, [
      {
        Delete: {
          TableName: this.tableName,
          Key: { pk: connectionPk(connectionId), sk: CONNECTION_SK },
          ConditionExpression: "attribute_exists(pk)",
        },
      },
      this.countItem(record.userId, -1, record.expiresAt),
      // A supervisor's queue watch (watchQueues) ends with the connection.
      ...(record.role === "supervisor"
        ? [{ Delete: { TableName: this.tableName, Key: { pk: WATCHERS_PK, sk: watcherSk(connectionId) } } }]
        : []),
      // The revocation-by-token index of this connection goes with it: nothing names a closed connection.
      ...(record.tokenId
        ? [
            {
              Delete: {
                TableName: this.tableName,
                Key: { pk: tokenPk(record.tokenId), sk: tokenConnectionSk(connectionId) },
              },
            },
          ]
        : []),
    ]);
    if (!removed.committed) return undefined;
    const remaining = await this.openCount(record.userId);
    // A user with no connection keeps no item naming them (erasure, retention); a connect racing
    // this sees its ADD create the count afresh, and the condition keeps a count it raised.
    if (remaining === 0)
      await this.documents
        .send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: { pk: userPk(record.userId), sk: USER_CONNECTIONS_SK },
            ConditionExpression: "#open <= :zero",
            ExpressionAttributeNames: { "#open": "open" },
            ExpressionAttributeValues: { ":zero": 0 },
          }),
        )
        .catch((error: Error) => {
          if (error.name !== "ConditionalCheckFailedException") throw error;
        });
    return { record, remaining };
  }

  /** How many connections the user has open now (a consistent read of the count). */
  async openCount(userId: string): Promise<number> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: userPk(userId), sk: USER_CONNECTIONS_SK },
        ConsistentRead: true,
      }),
    );
    return Math.max(0, Number(Item?.open ?? 0));
  }

  private countItem(userId: string, delta: 1 | -1, expiresAt: number): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: userPk(userId), sk: USER_CONNECTIONS_SK },
        // The count outlives no connection it counts: TTL removes it after the last one's expiry.
        UpdateExpression: "ADD #open :delta SET expiresAt = :expires",
        ExpressionAttributeNames: { "#open": "open" },
        ExpressionAttributeValues: { ":delta": delta, ":expires": expiresAt },
      },
    };
  }

  /**
   * Forgets a connection that closed or was found gone: its record and every chat subscription it
   * had (plus `alsoChatId`, where the caller found it subscribed). Returns the record it had.
   */
  async forget(connectionId: string, alsoChatId?: string): Promise<RemovedConnection | undefined> {
    const removed = await this.remove(connectionId);
    const chats = new Set(removed?.record.chats ?? []);
    if (alsoChatId) chats.add(alsoChatId);
    await this.unsubscribe(connectionId, chats);
    return removed;
  }

  async listForUser(userId: string): Promise<string[]> {
    const { Items = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: byUser.indexName,
        KeyConditionExpression: `${byUser.partitionKey.name} = :user AND begins_with(${byUser.sortKey.name}, :conn)`,
        ExpressionAttributeValues: { ":user": userPk(userId), ":conn": USER_CONNECTION_PREFIX },
      }),
    );
    return Items.map((item) => String(item.connectionId));
  }

  async unsubscribe(connectionId: string, chatIds: Iterable<string>): Promise<void> {
    const deletes = [...chatIds].map((chatId) => ({
      DeleteRequest: { Key: { pk: chatPk(chatId), sk: subscriptionSk(connectionId) } },
    }));
    for (let start = 0; start < deletes.length; start += BATCH_WRITE_LIMIT) {
      let pending: typeof deletes | undefined = deletes.slice(start, start + BATCH_WRITE_LIMIT);
      for (let attempt = 0; pending?.length && attempt < 5; attempt += 1) {
        const { UnprocessedItems } = await this.documents.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
        );
        pending = UnprocessedItems?.[this.tableName] as typeof deletes | undefined;
      }
    }
  }
}
