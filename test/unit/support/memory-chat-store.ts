import type {
  AppendRequest,
  AppendResult,
  ChatStore,
  ChatWithSubscribers,
} from "../../../functions/lib/data/chat-store.ts";
import type { AttributePath, ChatChange } from "../../../functions/lib/data/chat-update.ts";
import type { ChatRecord, MessageRecord, SubscriptionRecord } from "../../../functions/lib/data/records.ts";
import type { TransactItem } from "../../../functions/lib/data/transaction.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";
import { copy, type MemoryTable, memoryItem } from "./memory-table.ts";

const clientMessageKey = (chatId: string, senderId: string, clientMessageId: string) =>
  `${chatId}\u0000${senderId}\u0000${clientMessageId}`;

type Mutable = Record<string, unknown>;
const segmentsOf = (path: AttributePath): readonly string[] => (typeof path === "string" ? [path] : path);

/** Sets or removes one attribute path on a plain record, segment by segment (no segment is ever split). */
function setPath(record: Mutable, path: AttributePath, value: unknown): void {
  const segments = segmentsOf(path);
  let target = record;
  for (const segment of segments.slice(0, -1)) {
    const next = target[segment];
    // DynamoDB refuses a path through a missing map: the whole transaction fails in the real store.
    if (typeof next !== "object" || next === null) throw new Error(`No map at ${segments.join(".")}`);
    target = next as Mutable;
  }
  target[segments.at(-1) as string] = copy(value);
}

function removePath(record: Mutable, path: AttributePath): void {
  const segments = segmentsOf(path);
  let target: Mutable | undefined = record;
  for (const segment of segments.slice(0, -1)) target = target?.[segment] as Mutable | undefined;
  if (target) delete target[segments.at(-1) as string];
}

/** The value at an attribute path, or undefined where any segment is missing. */
function valueAt(record: object, path: AttributePath): unknown {
  let target: unknown = record;
  for (const segment of segmentsOf(path))
    target = typeof target === "object" && target !== null ? (target as Mutable)[segment] : undefined;
  return target;
}

/** The chat store over the in-memory table, with the conditions of functions/lib/data/chat-store.ts. */
export class MemoryChatStore implements PortOf<ChatStore> {
  constructor(private readonly table: MemoryTable) {}

  async loadWithSubscribers(chatId: string): Promise<ChatWithSubscribers> {
    const chat = this.table.chats.get(chatId);
    return {
      chat: chat && copy(chat),
      subscriptions: copy([...this.table.subscriptionsOf(chatId).values()]),
      // Rate buckets are not kept here: every send starts from a full bucket.
      rates: new Map(),
    };
  }

  async get(chatId: string): Promise<ChatRecord | undefined> {
    const chat = this.table.chats.get(chatId);
    return chat && copy(chat);
  }

  async create(chat: ChatRecord, messages: readonly MessageRecord[], subscription: SubscriptionRecord) {
    const created = this.table.commit([
      memoryItem("Put", chat.chatId, {
        check: () => !this.table.chats.has(chat.chatId),
        apply: () => this.table.chats.set(chat.chatId, copy(chat)),
      }),
      ...messages.map((message) => this.putMessage(chat.chatId, message)),
      ...this.subscribeItems(chat.chatId, subscription),
    ]);
    if (!created.committed) throw new Error("TransactionCanceledException: the chat exists");
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    const { chat } = request;
    const now = new Date().toISOString();
    const stored = request.messages.map((message, index) => ({ ...message, seq: chat.lastSeq + index + 1 }));
    const lastSeq = chat.lastSeq + stored.length;
    const items: TransactItem[] = [
      memoryItem("Update", chat.chatId, {
        check: () => {
          const current = this.table.chats.get(chat.chatId);
          return current?.lastSeq === chat.lastSeq && request.allowedStates.includes(current.state);
        },
        apply: () => {
          const current = this.table.chats.get(chat.chatId) as ChatRecord;
          const next = { ...current, lastSeq, updatedAt: now };
          this.table.chats.set(
            chat.chatId,
            request.assistant ? { ...next, assistant: copy(request.assistant) } : next,
          );
        },
      }),
      ...stored.map((message) => this.putMessage(chat.chatId, message)),
    ];
    const idempotencyIndex = items.length;
    if (request.idempotency) {
      const key = clientMessageKey(
        chat.chatId,
        request.idempotency.senderId,
        request.idempotency.clientMessageId,
      );
      const firstSeq = stored[0]?.seq ?? lastSeq;
      items.push(
        memoryItem("Put", key, {
          check: () => !this.table.clientMessages.has(key),
          apply: () => this.table.clientMessages.set(key, firstSeq),
        }),
      );
    }
    if (request.subscribe) items.push(...this.subscribeItems(chat.chatId, request.subscribe));
    const result = this.table.commit(items);
    if (result.committed) return { kind: "stored", messages: copy(stored) };
    if (request.idempotency && result.failed[idempotencyIndex]) {
      const { senderId, clientMessageId } = request.idempotency;
      return {
        kind: "duplicate",
        seq: (await this.storedSeq(chat.chatId, senderId, clientMessageId)) ?? Number.NaN,
      };
    }
    return { kind: "stale" };
  }

  async subscribe(chatId: string, subscription: SubscriptionRecord): Promise<void> {
    if (!this.table.commit(this.subscribeItems(chatId, subscription)).committed)
      throw new Error("TransactionCanceledException: no such connection");
  }

  async listMessages(chatId: string, afterSeq: number, limit: number) {
    const all = [...this.table.messagesOf(chatId).values()]
      .filter((message) => message.seq > afterSeq)
      .sort((a, b) => a.seq - b.seq);
    const messages = all.slice(0, limit).map(({ seq, from, text, sentAt, redacted }) => ({
      seq,
      from: copy(from),
      text,
      sentAt,
      redacted,
    }));
    const lastListedSeq = all.slice(0, limit).at(-1)?.seq;
    return { messages, voided: [] as number[], lastListedSeq, hasMore: all.length > limit };
  }

  async listAllMessages(chatId: string): Promise<MessageRecord[]> {
    return (await this.listMessages(chatId, 0, Number.MAX_SAFE_INTEGER)).messages;
  }

  async setToken(chatId: string, kind: "waitToken" | "answerToken", token: string): Promise<void> {
    const chat = this.table.chats.get(chatId);
    if (!chat) throw new Error("ConditionalCheckFailedException: no such chat");
    this.table.chats.set(chatId, { ...chat, [kind]: token });
  }

  /** As chatUpdateItem: SET and REMOVE by path segments, while the state is one of `fromStates`. */
  updateItem(chatId: string, change: ChatChange): TransactItem {
    return memoryItem("Update", chatId, {
      check: () => {
        const chat = this.table.chats.get(chatId);
        if (!chat || !change.fromStates.includes(chat.state)) return false;
        if (change.expectAgent && chat.agentId !== change.expectAgent) return false;
        return (change.expect ?? []).every((expectation) => {
          const found = valueAt(chat, expectation.path);
          return "equals" in expectation
            ? found === expectation.equals
            : (found !== undefined) === expectation.exists;
        });
      },
      apply: () => {
        const chat = copy(this.table.chats.get(chatId) as ChatRecord) as unknown as Mutable;
        chat.updatedAt = new Date().toISOString();
        for (const [path, value] of change.set ?? []) setPath(chat, path, value);
        for (const path of change.remove ?? []) removePath(chat, path);
        this.table.chats.set(chatId, chat as unknown as ChatRecord);
      },
    });
  }

  /** A subscription, and the chat added to the connection's set: only while the connection exists. */
  subscribeItems(chatId: string, subscription: SubscriptionRecord): TransactItem[] {
    const { connectionId } = subscription;
    return [
      memoryItem("Put", `${chatId}/${connectionId}`, {
        check: () => true,
        apply: () => this.table.subscriptionsOf(chatId).set(connectionId, copy(subscription)),
      }),
      memoryItem("Update", connectionId, {
        check: () => this.table.connections.has(connectionId),
        apply: () => {
          const connection = this.table.connections.get(connectionId);
          if (!connection) return;
          const chats = new Set(connection.chats ?? []).add(chatId);
          this.table.connections.set(connectionId, { ...connection, chats });
        },
      }),
    ];
  }

  async storedSeq(chatId: string, senderId: string, clientMessageId: string): Promise<number | undefined> {
    return this.table.clientMessages.get(clientMessageKey(chatId, senderId, clientMessageId));
  }

  private putMessage(chatId: string, message: MessageRecord): TransactItem {
    return memoryItem("Put", `${chatId}#${message.seq}`, {
      check: () => !this.table.messagesOf(chatId).has(message.seq),
      apply: () => this.table.messagesOf(chatId).set(message.seq, copy(message)),
    });
  }
}
