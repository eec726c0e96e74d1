import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { CASE_SK, CHAT_META_SK, CLOSING_CHATS, casePk, chatPk, watchSk } from "./keys.ts";
import { indexes } from "./table-definition.ts";

const WATCH_PK = indexes.online.partitionKey.name;
const WATCH_SK = indexes.online.sortKey.name;

/**
 * The end of a chat: `closing` (no more messages), a case number unique across all chats (a `CASE#`
 * item written under a condition), then `ended` with the written summary.
 */
export class ClosureStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Moves an active chat to `closing`, and onto the CLOSING list (gsi2) that the reconciler reads;
   * false if it was already closing or ended.
   */
  async markClosing(chatId: string, endedBy: string): Promise<boolean> {
    const now = new Date().toISOString();
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
          UpdateExpression: `SET #state = :closing, endedBy = :by, updatedAt = :now, ${WATCH_PK} = :list, ${WATCH_SK} = :at`,
          ConditionExpression: "attribute_exists(pk) AND NOT #state IN (:closing, :ended)",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":closing": "closing",
            ":ended": "ended",
            ":by": endedBy,
            ":now": now,
            ":list": CLOSING_CHATS,
            ":at": watchSk(now, chatId),
          },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }

  /** Assigns a case number once; false if the number is taken by another chat. */
  async assignCaseNumber(chatId: string, caseNumber: string): Promise<boolean> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
                UpdateExpression: "SET caseNumber = :case",
                ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(caseNumber)",
                ExpressionAttributeValues: { ":case": caseNumber },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { pk: casePk(caseNumber), sk: CASE_SK, chatId, createdAt: new Date().toISOString() },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  async complete(chatId: string, summary: string): Promise<void> {
    const now = new Date().toISOString();
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
        UpdateExpression:
          "SET #state = :ended, summary = :summary, endedAt = if_not_exists(endedAt, :now), updatedAt = :now",
        ConditionExpression: "attribute_exists(caseNumber)",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":ended": "ended", ":summary": summary, ":now": now },
      }),
    );
  }

  /**
   * Takes a chat off the CLOSING list once it is `ended` and holds no agent: the closure is done.
   * False while either is still owed; the chat then stays listed, for the reconciler to finish.
   */
  async finish(chatId: string): Promise<boolean> {
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
          UpdateExpression: `REMOVE ${WATCH_PK}, ${WATCH_SK}`,
          ConditionExpression: "#state = :ended AND attribute_not_exists(agentId)",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":ended": "ended" },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }
}
