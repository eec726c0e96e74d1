import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { ChatState } from "../protocol/server-frames.ts";
import type { BucketState } from "../rate/token-bucket.ts";
import { CHAT_META_SK, chatPk, clientMessageSk, messageSk, rateSk } from "./keys.ts";
import type { AssistantMemory, MessageRecord } from "./records.ts";
import { commitRetryingCollisions, type TransactItem } from "./transaction.ts";

/** A sender's message id in a chat: the idempotency key of one `sendMessage`. */
export interface MessageKey {
  readonly chatId: string;
  readonly senderId: string;
  readonly clientMessageId: string;
}

/** What claiming a message id found: ours now, stored already under a seq, or another attempt's in flight. */
export type Claim =
  | { readonly kind: "claimed" }
  | { readonly kind: "stored"; readonly seq: number }
  | { readonly kind: "pending"; readonly claimedAt: number };

export interface ReserveRequest {
  readonly chatId: string;
  readonly count: number;
  readonly allowedStates: readonly ChatState[];
  /** Set when the messages depend on the chat as read (an assistant turn): then no other message may come first. */
  readonly expectLastSeq?: number;
  readonly assistant?: AssistantMemory;
  readonly handoffWanted?: boolean;
}

export interface WriteRequest {
  readonly key: MessageKey;
  readonly claimId: string;
  readonly messages: readonly MessageRecord[];
  readonly rate?: { readonly userId: string; readonly bucket: BucketState };
}

/**
 * The message path's writes, designed so that senders into one chat never race each other:
 * 1. claim the `clientMessageId` (a conditional Put, beside the chat's Query): one attempt per message;
 * 2. reserve seqs with an atomic counter on the chat (`lastSeq + n`, UPDATED_NEW), which concurrent
 *    senders pass one after another instead of cancelling each other;
 * 3. write the messages at their reserved seqs with the claim (now holding the seq) and the rate bucket,
 *    in one transaction that touches no item another sender writes, so it cannot be cancelled by a race.
 * A reservation is only taken once nothing can refuse the message any more, so no seq is left empty.
 */
export class MessageLog {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(key: MessageKey, claimId: string, now = Date.now()): Promise<Claim> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...this.key(key), claimId, claimedAt: now },
          ConditionExpression: "attribute_not_exists(pk)",
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return { kind: "claimed" };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const old = error.Item as { seq?: { N?: string }; claimedAt?: { N?: string } } | undefined;
      if (old?.seq?.N !== undefined) return { kind: "stored", seq: Number(old.seq.N) };
      if (old?.claimedAt?.N !== undefined) return { kind: "pending", claimedAt: Number(old.claimedAt.N) };
      return this.inspect(key);
    }
  }

  /** The claim as it is now (a consistent read): what a waiting retry polls. */
  async inspect(key: MessageKey): Promise<Claim> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: this.key(key), ConsistentRead: true }),
    );
    // Gone (released by a refused attempt): the caller claims it again.
    if (!Item) return { kind: "pending", claimedAt: Date.now() };
    if (typeof Item.seq === "number") return { kind: "stored", seq: Item.seq };
    return { kind: "pending", claimedAt: Number(Item.claimedAt ?? 0) };
  }

  /** Takes over a claim whose attempt died (it is older than any attempt can live); false if it moved on. */
  async takeOver(key: MessageKey, claimId: string, claimedAt: number, now = Date.now()): Promise<boolean> {
    return this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(key),
        UpdateExpression: "SET claimId = :claim, claimedAt = :now",
        ConditionExpression: "attribute_not_exists(seq) AND claimedAt = :then",
        ExpressionAttributeValues: { ":claim": claimId, ":now": now, ":then": claimedAt },
      }),
    );
  }

  /** Gives a claim back when the message was refused before any seq was reserved for it. */
  async release(key: MessageKey, claimId: string): Promise<void> {
    await this.conditional(
      new DeleteCommand({
        TableName: this.tableName,
        Key: this.key(key),
        ConditionExpression: "claimId = :claim AND attribute_not_exists(seq)",
        ExpressionAttributeValues: { ":claim": claimId },
      }),
    );
  }

  /** The first of `count` seqs now reserved for the caller, or undefined when the chat's state (or lastSeq) moved. */
  async reserve(request: ReserveRequest): Promise<number | undefined> {
    const states = Object.fromEntries(request.allowedStates.map((state, index) => [`:state${index}`, state]));
    const conditions = [`#state IN (${Object.keys(states).join(", ")})`];
    if (request.expectLastSeq !== undefined) conditions.push("lastSeq = :prev");
    try {
      const { Attributes } = await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: chatPk(request.chatId), sk: CHAT_META_SK },
          UpdateExpression: [
            "SET lastSeq = lastSeq + :count, updatedAt = :now",
            request.assistant ? ", assistant = :assistant" : "",
            request.handoffWanted ? ", handoffWanted = :wanted" : "",
          ].join(""),
          ConditionExpression: conditions.join(" AND "),
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":count": request.count,
            ":now": new Date().toISOString(),
            ...states,
            ...(request.expectLastSeq !== undefined ? { ":prev": request.expectLastSeq } : {}),
            ...(request.assistant ? { ":assistant": request.assistant } : {}),
            ...(request.handoffWanted ? { ":wanted": true } : {}),
          },
          ReturnValues: "UPDATED_NEW",
        }),
      );
      return Number(Attributes?.lastSeq) - request.count + 1;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  /**
   * Fills reserved seqs: the messages, the claim (now holding the first seq) and the sender's bucket.
   * Every item is this message's own (or its sender's bucket, which only a plain Put writes), so no
   * other sender's write cancels it. False only if the claim was taken over (this attempt stalled).
   */
  async write(request: WriteRequest): Promise<boolean> {
    const { key } = request;
    const items: TransactItem[] = request.messages.map((message) => ({
      Put: {
        TableName: this.tableName,
        Item: { pk: chatPk(key.chatId), sk: messageSk(message.seq), ...message },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    }));
    items.push({
      Update: {
        TableName: this.tableName,
        Key: this.key(key),
        UpdateExpression: "SET seq = :seq",
        ConditionExpression: "claimId = :claim",
        ExpressionAttributeValues: { ":seq": request.messages[0]?.seq ?? 0, ":claim": request.claimId },
      },
    });
    if (request.rate)
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { pk: chatPk(key.chatId), sk: rateSk(request.rate.userId), bucket: request.rate.bucket },
        },
      });
    // Only a concurrent transaction on the sender's bucket can cancel this (TransactionConflict): run again.
    return (await commitRetryingCollisions(this.documents, items)).committed;
  }

  private key(key: MessageKey) {
    return { pk: chatPk(key.chatId), sk: clientMessageSk(key.senderId, key.clientMessageId) };
  }

  private async conditional(command: UpdateCommand | DeleteCommand): Promise<boolean> {
    try {
      await this.documents.send(command as UpdateCommand);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
