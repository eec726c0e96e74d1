import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { BucketState } from "../rate/token-bucket.ts";
import type { AppendRequest, AppendResult, ChatWithSubscribers } from "./chat-store-types.ts";
import { type ChatChange, chatUpdateItem } from "./chat-update.ts";
import {
  CHAT_META_SK,
  CONNECTION_SK,
  chatPk,
  clientMessageSk,
  connectionPk,
  LAST_MESSAGE_SK,
  messageSk,
  OPEN_CHATS,
  RATE_PREFIX,
  rateSk,
  SUBSCRIPTIONS_FROM,
  subscriptionSk,
  userChatSk,
  userPk,
  watchSk,
} from "./keys.ts";
import { queryAll } from "./query-all.ts";
import type { ChatRecord, MessageRecord, SubscriptionRecord } from "./records.ts";
import { isExpired, subscriptionExpiry } from "./retention.ts";
import { indexes } from "./table-definition.ts";
import { commitItems, type TransactItem } from "./transaction.ts";

export type { AppendRequest, AppendResult, ChatWithSubscribers } from "./chat-store-types.ts";

/** Chats, their messages and their subscribed connections, all in the chat's own partition. */
export class ChatStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async loadWithSubscribers(chatId: string): Promise<ChatWithSubscribers> {
    const items = await queryAll<Record<string, unknown>>(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :meta",
      ExpressionAttributeValues: {
        ":pk": chatPk(chatId),
        ":from": SUBSCRIPTIONS_FROM,
        ":meta": CHAT_META_SK,
      },
      ConsistentRead: true,
    });
    const meta = items.find((item) => item.sk === CHAT_META_SK);
    const rates = new Map<string, BucketState>();
    const subscriptions: SubscriptionRecord[] = [];
    for (const item of items) {
      const sk = String(item.sk);
      if (sk.startsWith(SUBSCRIPTIONS_FROM)) subscriptions.push(item as unknown as SubscriptionRecord);
      else if (sk.startsWith(RATE_PREFIX))
        rates.set(sk.slice(RATE_PREFIX.length), item.bucket as BucketState);
    }
    return {
      // TTL deletes within days of expiry, not at it: an expired transcript is gone already.
      chat: isExpired(meta) ? undefined : (meta as unknown as ChatRecord | undefined),
      subscriptions,
      rates,
    };
  }

  async get(chatId: string): Promise<ChatRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
        ConsistentRead: true,
      }),
    );
    return isExpired(Item) ? undefined : (Item as ChatRecord | undefined);
  }

  async create(
    chat: ChatRecord,
    messages: readonly MessageRecord[],
    subscription: SubscriptionRecord,
    withItems: readonly TransactItem[] = [], // last: the chat's case (cases/open-chat-case.ts)
  ) {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                pk: chatPk(chat.chatId),
                sk: CHAT_META_SK,
                [indexes.byUser.partitionKey.name]: userPk(chat.customer.id),
                [indexes.byUser.sortKey.name]: userChatSk(chat.createdAt, chat.chatId),
                // On the reconciler's list of open chats (keys.ts, OPEN_CHATS) from the start.
                [indexes.online.partitionKey.name]: OPEN_CHATS,
                [indexes.online.sortKey.name]: watchSk(chat.createdAt, chat.chatId),
                ...chat,
              },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          ...messages.map((message) => this.putMessage(chat.chatId, message)),
          ...this.subscribeItems(chat.chatId, subscription).concat(withItems),
        ],
      }),
    );
  }

  /**
   * Stores messages under the next sequence numbers in one transaction, conditioned on the chat's
   * `lastSeq` being unchanged since it was read: a race or a retry can never leave a gap or a
   * duplicate. A repeated `clientMessageId` cancels the whole transaction and reports the stored seq.
   */
  async append(request: AppendRequest): Promise<AppendResult> {
    const { chat } = request;
    const now = new Date().toISOString();
    const stored = request.messages.map((message, index) => ({ ...message, seq: chat.lastSeq + index + 1 }));
    const lastSeq = chat.lastSeq + stored.length;
    const states = Object.fromEntries(request.allowedStates.map((state, index) => [`:state${index}`, state]));
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: chatPk(chat.chatId), sk: CHAT_META_SK },
          UpdateExpression: [
            "SET lastSeq = :next, updatedAt = :now",
            request.assistant ? ", assistant = :assistant" : "",
            request.handoffWanted ? ", handoffWanted = :wanted" : "",
          ].join(""),
          ConditionExpression: `lastSeq = :prev AND #state IN (${Object.keys(states).join(", ")})`,
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":next": lastSeq,
            ":prev": chat.lastSeq,
            ":now": now,
            ...states,
            ...(request.assistant ? { ":assistant": request.assistant } : {}),
            ...(request.handoffWanted ? { ":wanted": true } : {}),
          },
        },
      },
      ...stored.map((message) => this.putMessage(chat.chatId, message)),
    ];
    const idempotencyIndex = items.length;
    if (request.idempotency) {
      const { senderId, clientMessageId } = request.idempotency;
      const firstSeq = stored[0]?.seq ?? lastSeq;
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { pk: chatPk(chat.chatId), sk: clientMessageSk(senderId, clientMessageId), seq: firstSeq },
          ConditionExpression: "attribute_not_exists(pk)",
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      });
    }
    if (request.subscribe) items.push(...this.subscribeItems(chat.chatId, request.subscribe));
    if (request.rate)
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { pk: chatPk(chat.chatId), sk: rateSk(request.rate.userId), bucket: request.rate.bucket },
        },
      });
    const result = await commitItems(this.documents, items);
    if (result.committed) return { kind: "stored", messages: stored };
    const duplicate = result.reasons[idempotencyIndex];
    if (request.idempotency && duplicate?.Code === "ConditionalCheckFailed") {
      const seq = Number(duplicate.Item?.seq?.N ?? Number.NaN);
      const { senderId, clientMessageId } = request.idempotency;
      const known = Number.isNaN(seq) ? await this.storedSeq(chat.chatId, senderId, clientMessageId) : seq;
      return { kind: "duplicate", seq: known ?? Number.NaN };
    }
    // Another writer moved lastSeq or the state first: the caller re-reads and tries again.
    return { kind: "stale" };
  }

  async subscribe(chatId: string, subscription: SubscriptionRecord): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({ TransactItems: this.subscribeItems(chatId, subscription) }),
    );
  }

  async listMessages(chatId: string, afterSeq: number, limit: number) {
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :first AND :last",
        ExpressionAttributeValues: {
          ":pk": chatPk(chatId),
          ":first": messageSk(afterSeq + 1),
          ":last": LAST_MESSAGE_SK,
        },
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    const items = page.Items ?? [];
    // A seq closed by resume (seq-holes.ts) is no message: listed apart, so a reader can skip it.
    const messages = items.filter((item) => item.void !== true).map(toMessage);
    const voided = items.filter((item) => item.void === true).map((item) => Number(item.seq));
    const lastListedSeq = items.length > 0 ? Number(items.at(-1)?.seq) : undefined;
    return { messages, voided, lastListedSeq, hasMore: page.LastEvaluatedKey !== undefined };
  }

  async listAllMessages(chatId: string): Promise<MessageRecord[]> {
    const all: MessageRecord[] = [];
    let after = 0;
    for (;;) {
      const page = await this.listMessages(chatId, after, 500);
      all.push(...page.messages);
      after = page.lastListedSeq ?? after;
      if (!page.hasMore) return all;
    }
  }

  /** Stores the task token of the handoff state now waiting on this chat. */
  async setToken(chatId: string, kind: "waitToken" | "answerToken", token: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
        UpdateExpression: "SET #token = :token",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#token": kind },
        ExpressionAttributeValues: { ":token": token },
      }),
    );
  }

  /** See chatUpdateItem: a conditional change of chat-level fields, for a transaction. */
  updateItem(chatId: string, change: ChatChange): TransactItem {
    return chatUpdateItem(this.tableName, chatId, change);
  }

  private putMessage(chatId: string, message: MessageRecord): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { pk: chatPk(chatId), sk: messageSk(message.seq), ...message },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    };
  }

  /** The transaction items that subscribe a connection to a chat. */
  subscribeItems(chatId: string, subscription: SubscriptionRecord): TransactItem[] {
    return [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            pk: chatPk(chatId),
            sk: subscriptionSk(subscription.connectionId),
            ...subscription,
            expiresAt: subscriptionExpiry(),
          },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: connectionPk(subscription.connectionId), sk: CONNECTION_SK },
          UpdateExpression: "ADD chats :chat",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":chat": new Set([chatId]) },
        },
      },
    ];
  }

  /** The seq a sender's `clientMessageId` was stored under, if it was. */
  async storedSeq(chatId: string, senderId: string, clientMessageId: string): Promise<number | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: clientMessageSk(senderId, clientMessageId) },
        ConsistentRead: true,
      }),
    );
    return Item ? Number(Item.seq) : undefined;
  }
}

function toMessage(item: Record<string, unknown>): MessageRecord {
  const { seq, from, text, sentAt, redacted, attachment } = item as unknown as MessageRecord;
  return { seq, from, text, sentAt, redacted, ...(attachment ? { attachment } : {}) };
}
