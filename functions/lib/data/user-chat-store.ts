import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { ChatState } from "../protocol/server-frames.ts";
import { userPk } from "./keys.ts";
import { indexes } from "./table-definition.ts";

const { byUser } = indexes;

/** What a customer's chat list shows of a chat: read from gsi1, never the chat's messages. */
export interface UserChatRow {
  readonly chatId: string;
  readonly state: ChatState;
  readonly createdAt: string;
  readonly lastSeq: number;
  readonly caseNumber?: string;
}

/** A customer's chats through gsi1 (`USER#<sub>` / `CHAT#<createdAt>#<chatId>`): access pattern 11. */
export class UserChatStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The newest `limit` chats of a customer, newest first, in one query. */
  async listRecent(customerId: string, limit: number): Promise<UserChatRow[]> {
    const { Items = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: byUser.indexName,
        KeyConditionExpression: `${byUser.partitionKey.name} = :user AND begins_with(${byUser.sortKey.name}, :chat)`,
        ExpressionAttributeValues: { ":user": userPk(customerId), ":chat": "CHAT#" },
        ExpressionAttributeNames: { "#state": "state" },
        ProjectionExpression: "chatId, #state, createdAt, lastSeq, caseNumber",
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((item) => ({
      chatId: String(item.chatId),
      state: item.state as ChatState,
      createdAt: String(item.createdAt),
      lastSeq: Number(item.lastSeq ?? 0),
      ...(typeof item.caseNumber === "string" ? { caseNumber: item.caseNumber } : {}),
    }));
  }
}
