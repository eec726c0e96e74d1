import { DeleteCommand, type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { ChatState } from "../protocol/server-frames.ts";
import { CHAT_META_SK, chatPk, userPk } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { indexes } from "./table-definition.ts";

const { byUser } = indexes;
const CHAT_PREFIX = "CHAT#";
const PROJECTION = "chatId, #state, lastSeq, agentId, caseNumber, complaintCases";

/** What erasure needs to know of one of a customer's chats. */
export interface CustomerChat {
  readonly chatId: string;
  readonly state: ChatState;
  readonly lastSeq: number;
  readonly agentId?: string;
  readonly caseNumber?: string;
  /** Complaints logged in the chat, each a case of its own (CaseStore.create). */
  readonly complaintCases?: ReadonlySet<string>;
}

/**
 * A customer's chats as a whole, for erasure. The chat item itself is the customer's gsi1 entry
 * (`USER#<id>` / `CHAT#<createdAt>#<chatId>`, access pattern 11): there is no separate index item.
 */
export class CustomerStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Every chat the customer started, newest first. gsi1 is eventually consistent: a chat started a
   * moment ago may be missing or a step behind, so erasure re-reads each chat before it deletes it.
   */
  chats(customerId: string): Promise<CustomerChat[]> {
    return queryAll<CustomerChat>(this.documents, {
      TableName: this.tableName,
      IndexName: byUser.indexName,
      KeyConditionExpression: `${byUser.partitionKey.name} = :user AND begins_with(${byUser.sortKey.name}, :chat)`,
      ExpressionAttributeNames: { "#state": "state" },
      ExpressionAttributeValues: { ":user": userPk(customerId), ":chat": CHAT_PREFIX },
      ProjectionExpression: PROJECTION,
      ScanIndexForward: false,
    });
  }

  /** One chat as it is now (strongly consistent), expired or not: erasure removes what TTL has not yet. */
  async chat(chatId: string): Promise<CustomerChat | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
        ExpressionAttributeNames: { "#state": "state" },
        ProjectionExpression: PROJECTION,
        ConsistentRead: true,
      }),
    );
    return Item as CustomerChat | undefined;
  }

  /**
   * Deletes the chat item only if nothing happened to the chat since `seen` was read: same state, no new
   * message, no agent holding it. False when it changed (the caller looks again) or is already gone.
   */
  async removeChat(seen: CustomerChat): Promise<boolean> {
    try {
      const { Attributes } = await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: chatPk(seen.chatId), sk: CHAT_META_SK },
          ConditionExpression: "#state = :state AND lastSeq = :lastSeq AND attribute_not_exists(agentId)",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":state": seen.state, ":lastSeq": seen.lastSeq },
          ReturnValues: "ALL_OLD",
        }),
      );
      return Attributes !== undefined;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }
}
