import type { AgentRecord, QueueEntry } from "../../../functions/lib/data/agent-records.ts";
import type {
  ChatRecord,
  ConnectionRecord,
  MessageRecord,
  SubscriptionRecord,
} from "../../../functions/lib/data/records.ts";
import type { TransactItem } from "../../../functions/lib/data/transaction.ts";
import type { QueueStats } from "../../../functions/lib/queueing/wait-types.ts";

/**
 * What an in-memory store's transaction item carries besides its DynamoDB shape: the item's condition,
 * checked against the state before the transaction, and its effect, applied only if every condition of
 * the transaction held. Hidden under a symbol so the item still looks like what the real store builds.
 */
export interface MemoryOperation {
  readonly check: () => boolean;
  readonly apply: () => void;
}

const OPERATION: unique symbol = Symbol("memory-operation");
type MemoryItem = TransactItem & { readonly [OPERATION]: MemoryOperation };

/** A transaction item whose DynamoDB shape names the action and key, with the in-memory condition and effect. */
export function memoryItem(
  kind: "Put" | "Update" | "Delete" | "ConditionCheck",
  key: string,
  operation: MemoryOperation,
): TransactItem {
  const shape = { TableName: "memory", Key: { pk: key, sk: kind } };
  const item: MemoryItem = {
    ...(kind === "Put"
      ? { Put: { TableName: "memory", Item: shape.Key } }
      : kind === "Update"
        ? { Update: { ...shape, UpdateExpression: "SET memory = :memory" } }
        : kind === "Delete"
          ? { Delete: shape }
          : { ConditionCheck: { ...shape, ConditionExpression: "memory" } }),
    [OPERATION]: operation,
  };
  return item;
}

function operationOf(item: TransactItem): MemoryOperation {
  const operation = (item as Partial<MemoryItem>)[OPERATION];
  if (!operation) throw new Error("This transaction item was not built by an in-memory store.");
  return operation;
}

/** Deep copies, as a read from or a write to a real table would make: nobody shares a live object. */
export const copy = <T>(value: T): T => structuredClone(value);

export interface StatsItem {
  readonly stats: QueueStats;
  readonly version: number;
}

export interface TransactionHooks {
  /** Runs just before the n-th transaction (0-based) is checked: another writer getting in first. */
  readonly before?: (transaction: number) => void;
  /** Runs just after a transaction that committed: another writer right behind it. */
  readonly after?: (transaction: number) => void;
}

/**
 * The one table behind every in-memory store, so that a transaction can span stores as it does in
 * DynamoDB. Maps are keyed like the real partitions: by chat, connection, agent and queue.
 */
export class MemoryTable {
  readonly chats = new Map<string, ChatRecord>();
  readonly messages = new Map<string, Map<number, MessageRecord>>();
  /** `${chatId}\u0000${senderId}\u0000${clientMessageId}` → the first seq stored for it. */
  readonly clientMessages = new Map<string, number>();
  readonly subscriptions = new Map<string, Map<string, SubscriptionRecord>>();
  readonly connections = new Map<string, ConnectionRecord>();
  readonly agents = new Map<string, AgentRecord>();
  readonly queues = new Map<string, Map<string, QueueEntry>>();
  readonly stats = new Map<string, StatsItem>();
  readonly cases = new Map<string, string>();
  /** Every transaction, committed or not, in order: what a test can count. */
  readonly transactions: { readonly items: number; readonly committed: boolean }[] = [];
  /** Lets a test interleave another writer around a transaction, to show what a use case reads when. */
  hooks: TransactionHooks = {};

  /**
   * All or nothing, as TransactWriteItems: every condition is checked before anything is applied, and
   * nothing awaits in between, so no other caller can interleave. Returns which conditions failed.
   */
  commit(items: readonly TransactItem[]): { committed: boolean; failed: boolean[] } {
    const operations = items.map(operationOf);
    const transaction = this.transactions.length;
    this.hooks.before?.(transaction);
    const failed = operations.map((operation) => !operation.check());
    const committed = !failed.includes(true);
    if (committed) for (const operation of operations) operation.apply();
    this.transactions.push({ items: items.length, committed });
    if (committed) this.hooks.after?.(transaction);
    return { committed, failed };
  }

  messagesOf(chatId: string): Map<number, MessageRecord> {
    return entryOf(this.messages, chatId);
  }

  subscriptionsOf(chatId: string): Map<string, SubscriptionRecord> {
    return entryOf(this.subscriptions, chatId);
  }

  queue(queueId: string): Map<string, QueueEntry> {
    return entryOf(this.queues, queueId);
  }
}

function entryOf<K, V>(maps: Map<string, Map<K, V>>, key: string): Map<K, V> {
  const existing = maps.get(key);
  if (existing) return existing;
  const created = new Map<K, V>();
  maps.set(key, created);
  return created;
}

/** The transactions port over the in-memory table. */
export class MemoryTransactions {
  constructor(private readonly table: MemoryTable) {}

  async commit(items: TransactItem[]): Promise<boolean> {
    return this.table.commit(items).committed;
  }
}
