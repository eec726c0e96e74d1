import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { chatPk, messageSk } from "./keys.ts";

/**
 * Seqs that were reserved for a message and never filled (seq reservation, message-log.ts): the
 * process died between reserving and writing, or the write failed for good. Such a hole would hold
 * every client's in-order delivery behind it, so once it is old enough that no attempt can still fill
 * it, `resume` closes it with a void item under the message's own key: the conditional Put wins
 * against a late writer, or finds the message the writer did store.
 */
export class SeqHoles {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** True: the seq is void now. False: a message was stored under it after all. */
  async close(chatId: string, seq: number): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: chatPk(chatId),
            sk: messageSk(seq),
            seq,
            void: true,
            closedAt: new Date().toISOString(),
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
