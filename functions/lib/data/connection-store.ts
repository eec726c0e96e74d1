import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
} from "@aws-sdk/lib-dynamodb";
import {
  CONNECTION_SK,
  chatPk,
  connectionPk,
  subscriptionSk,
  USER_CONNECTION_PREFIX,
  userConnectionSk,
  userPk,
} from "./keys.ts";
import { indexes } from "./table-definition.ts";

const { byUser } = indexes;

import type { ConnectionRecord } from "./records.ts";

const BATCH_WRITE_LIMIT = 25;

/** Open WebSocket connections, each with the chats it is subscribed to. */
export class ConnectionStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(connection: ConnectionRecord): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: connectionPk(connection.connectionId),
          sk: CONNECTION_SK,
          [byUser.partitionKey.name]: userPk(connection.userId),
          [byUser.sortKey.name]: userConnectionSk(connection.connectionId),
          ...connection,
        },
      }),
    );
  }

  /** Deletes the connection and returns what it was subscribed to. */
  async remove(connectionId: string): Promise<ConnectionRecord | undefined> {
    const { Attributes } = await this.documents.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: connectionPk(connectionId), sk: CONNECTION_SK },
        ReturnValues: "ALL_OLD",
      }),
    );
    return Attributes as ConnectionRecord | undefined;
  }

  /**
   * Forgets a connection that closed or was found gone: its record and every chat subscription it
   * had (plus `alsoChatId`, where the caller found it subscribed). Returns the record it had.
   */
  async forget(connectionId: string, alsoChatId?: string): Promise<ConnectionRecord | undefined> {
    const removed = await this.remove(connectionId);
    const chats = new Set(removed?.chats ?? []);
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
