import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { MAX_CONNECTION_MS } from "../protocol/limits.ts";
import {
  CHAT_META_SK,
  chatPk,
  LIVE_CHAT_PREFIX,
  liveChatSk,
  QUEUE_WINDOW_PREFIX,
  queuePk,
  queueWindowSk,
  WATCHERS_PK,
  watcherSk,
} from "./keys.ts";
import { queryAll } from "./query-all.ts";
import type { ChatRecord } from "./records.ts";
import type { LiveChatRecord, QueueWindowCounts, WatcherRecord } from "./supervision-records.ts";

/** Activity is counted in ten-minute windows; "the last hour" is the six most recent of them. */
export const WINDOW_MS = 10 * 60_000;
const WINDOW_KEEP_MS = 2 * 60 * 60_000;
const LIVE_CHAT_KEEP_MS = 24 * 60 * 60_000;
const epochSeconds = (ms: number) => Math.ceil(ms / 1000);
export const windowStart = (ms: number) => new Date(Math.floor(ms / WINDOW_MS) * WINDOW_MS).toISOString();

export type WindowCounter = keyof QueueWindowCounts;

/**
 * What the supervisor tools keep outside the chats: who watches the queues (one WATCHERS partition, each
 * item expiring with the longest connection), each queue's activity windows and the chats its agents
 * took (in the queue's own partition, beside its entries and statistics).
 */
export class SupervisionStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async watch(watcher: WatcherRecord): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: WATCHERS_PK,
          sk: watcherSk(watcher.connectionId),
          ...watcher,
          expiresAt: epochSeconds(Date.now() + MAX_CONNECTION_MS),
        },
      }),
    );
  }

  async unwatch(connectionId: string): Promise<void> {
    await this.documents.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: WATCHERS_PK, sk: watcherSk(connectionId) } }),
    );
  }

  async watchers(): Promise<WatcherRecord[]> {
    const items = await queryAll<WatcherRecord & { expiresAt?: number }>(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": WATCHERS_PK },
    });
    const now = epochSeconds(Date.now());
    return items
      .filter((item) => (item.expiresAt ?? now) >= now)
      .map(({ connectionId, userId, queues, since }) => ({ connectionId, userId, queues, since }));
  }

  /** Adds to the counters of the current window of the queue (one UpdateItem, ADD is atomic). */
  async count(queueId: string, counts: Partial<QueueWindowCounts>, now = Date.now()): Promise<void> {
    const entries = Object.entries(counts).filter(([, value]) => Number.isFinite(value));
    if (entries.length === 0) return;
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: queuePk(queueId), sk: queueWindowSk(windowStart(now)) },
        UpdateExpression: `ADD ${entries.map((_, index) => `#c${index} :c${index}`).join(", ")} SET expiresAt = :expires`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#c${index}`, name])),
        ExpressionAttributeValues: {
          ...Object.fromEntries(entries.map(([, value], index) => [`:c${index}`, value])),
          ":expires": epochSeconds(now + WINDOW_KEEP_MS),
        },
      }),
    );
  }

  /** The queue's counters summed over the windows that started in the last `spanMs` (one Query). */
  async lastHour(queueId: string, now = Date.now(), spanMs = 60 * 60_000): Promise<QueueWindowCounts> {
    const { Items = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues: {
          ":pk": queuePk(queueId),
          ":from": queueWindowSk(windowStart(now - spanMs + WINDOW_MS)),
          ":to": `${QUEUE_WINDOW_PREFIX}~`,
        },
      }),
    );
    const sum = (name: WindowCounter) => Items.reduce((total, item) => total + Number(item[name] ?? 0), 0);
    return {
      offersTimedOut: sum("offersTimedOut"),
      abandoned: sum("abandoned"),
      estimateErrorSum: sum("estimateErrorSum"),
      estimateSamples: sum("estimateSamples"),
    };
  }

  async trackLiveChat(record: LiveChatRecord): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: queuePk(record.queueId),
          sk: liveChatSk(record.chatId),
          ...record,
          expiresAt: epochSeconds(Date.parse(record.since) + LIVE_CHAT_KEEP_MS),
        },
      }),
    );
  }

  async forgetLiveChat(queueId: string, chatId: string): Promise<void> {
    await this.documents.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: queuePk(queueId), sk: liveChatSk(chatId) } }),
    );
  }

  async liveChats(queueId: string): Promise<LiveChatRecord[]> {
    const items = await queryAll<LiveChatRecord>(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :live)",
      ExpressionAttributeValues: { ":pk": queuePk(queueId), ":live": LIVE_CHAT_PREFIX },
    });
    return items.map(({ chatId, queueId: queue, since }) => ({ chatId, queueId: queue, since }));
  }

  /** The chats themselves, strongly consistent GetItems in parallel (a supervisor's list is short). */
  async chats(chatIds: readonly string[]): Promise<ChatRecord[]> {
    const found = await Promise.all(
      chatIds.map(async (chatId) => {
        const { Item } = await this.documents.send(
          new GetCommand({
            TableName: this.tableName,
            Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
            ConsistentRead: true,
          }),
        );
        return Item as ChatRecord | undefined;
      }),
    );
    return found.filter((chat): chat is ChatRecord => chat !== undefined);
  }
}
