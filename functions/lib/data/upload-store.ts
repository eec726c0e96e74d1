import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { UploadRejectionReason } from "../protocol/server-frames.ts";
import { chatPk, uploadSk } from "./secure-step-keys.ts";
import type { StoredAttachment, UploadRecord } from "./secure-step-records.ts";

/**
 * Document uploads, one item per request in the chat's partition. An upload moves from `requested` to
 * `stored` or `rejected` exactly once (conditional writes), which is what makes an upload id single-use.
 */
export class UploadStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(upload: UploadRecord): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: chatPk(upload.chatId), sk: uploadSk(upload.uploadId), ...upload },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  }

  async get(chatId: string, uploadId: string): Promise<UploadRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: uploadSk(uploadId) },
        ConsistentRead: true,
      }),
    );
    return Item as UploadRecord | undefined;
  }

  /** Records the accepted file; false when the upload was no longer `requested` (already used). */
  markStored(chatId: string, uploadId: string, attachment: StoredAttachment): Promise<boolean> {
    return this.finish(chatId, uploadId, "SET #state = :stored, attachment = :attachment", {
      ":stored": "stored",
      ":attachment": attachment,
    });
  }

  /** Records why the file was refused; false when the upload was no longer `requested`. */
  markRejected(chatId: string, uploadId: string, reason: UploadRejectionReason): Promise<boolean> {
    return this.finish(chatId, uploadId, "SET #state = :rejected, rejected = :reason", {
      ":rejected": "rejected",
      ":reason": reason,
    });
  }

  private async finish(
    chatId: string,
    uploadId: string,
    update: string,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: chatPk(chatId), sk: uploadSk(uploadId) },
          UpdateExpression: `${update}, finishedAt = :now`,
          ConditionExpression: "#state = :requested",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ...values,
            ":requested": "requested",
            ":now": new Date().toISOString(),
          },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }
}
