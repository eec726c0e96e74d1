import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { chatPk, userPk, VERIFICATION_LOCK_SK, verificationSk } from "./secure-step-keys.ts";
import type { VerificationLock, VerificationRequest } from "./secure-step-records.ts";
import type { TransactItem } from "./transaction.ts";

/** A lock item as read, with the failure count it was read at (the condition of the next write). */
export interface StoredLock {
  readonly lock: VerificationLock | undefined;
  readonly readFailures: number | undefined;
}

/**
 * Verification requests (one item per request, in the chat's partition) and each customer's failure
 * count (one item in their user partition). Neither ever holds what the customer typed: a request
 * knows who asked and its state, the lock only how many attempts failed and until when it is locked.
 */
export class VerificationStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createRequest(request: VerificationRequest): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: chatPk(request.chatId), sk: verificationSk(request.verificationId), ...request },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  }

  async getRequest(chatId: string, verificationId: string): Promise<VerificationRequest | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: verificationSk(verificationId) },
        ConsistentRead: true,
      }),
    );
    return Item as VerificationRequest | undefined;
  }

  async getLock(customerId: string): Promise<StoredLock> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: userPk(customerId), sk: VERIFICATION_LOCK_SK },
        ConsistentRead: true,
      }),
    );
    if (!Item) return { lock: undefined, readFailures: undefined };
    const { failures, windowStartedAt, lockedUntil } = Item as VerificationLock;
    const lock = { failures, windowStartedAt, ...(lockedUntil ? { lockedUntil } : {}) };
    return { lock, readFailures: failures };
  }

  /**
   * Writes the lock state `next`, or deletes it, on condition that the count is still what was read:
   * two attempts racing cannot both count as the second failure. `expiresAtSeconds` is when the item
   * may go (its TTL: the policy's `lockExpiry`).
   */
  lockItem(
    customerId: string,
    stored: StoredLock,
    next: VerificationLock | undefined,
    expiresAtSeconds: number | undefined,
  ): TransactItem {
    const Key = { pk: userPk(customerId), sk: VERIFICATION_LOCK_SK };
    const condition =
      stored.readFailures === undefined
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : {
            ConditionExpression: "failures = :read",
            ExpressionAttributeValues: { ":read": stored.readFailures },
          };
    if (!next) {
      // Nothing stored and nothing to store: a condition check keeps the transaction's shape.
      if (stored.readFailures === undefined)
        return { ConditionCheck: { TableName: this.tableName, Key, ...condition } };
      return { Delete: { TableName: this.tableName, Key, ...condition } };
    }
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...Key, ...next, expiresAt: expiresAtSeconds },
        ...condition,
      },
    };
  }

  /** A transaction item that holds only while the request is still open. */
  openRequestCheck(chatId: string, verificationId: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: verificationSk(verificationId) },
        ConditionExpression: "#state = :open",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":open": "open" },
      },
    };
  }

  /** Closes an open request as verified or locked; a failed attempt leaves it open for another try. */
  closeRequestItem(chatId: string, verificationId: string, state: "verified" | "locked"): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: verificationSk(verificationId) },
        UpdateExpression: "SET #state = :state, closedAt = :now",
        ConditionExpression: "#state = :open",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":state": state, ":open": "open", ":now": new Date().toISOString() },
      },
    };
  }
}
