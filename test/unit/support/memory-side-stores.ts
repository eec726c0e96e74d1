import type { ClosureStore } from "../../../functions/lib/data/closure-store.ts";
import type { ConnectionStore, RemovedConnection } from "../../../functions/lib/data/connection-store.ts";
import type { ConnectionRecord } from "../../../functions/lib/data/records.ts";
import type { UserChatRow, UserChatStore } from "../../../functions/lib/data/user-chat-store.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";
import { copy, type MemoryTable } from "./memory-table.ts";

/** Open connections over the in-memory table, as functions/lib/data/connection-store.ts keeps them. */
export class MemoryConnectionStore implements PortOf<ConnectionStore> {
  constructor(private readonly table: MemoryTable) {}

  async put(connection: ConnectionRecord, maxOpen?: number): Promise<boolean> {
    if (maxOpen !== undefined && (await this.openCount(connection.userId)) >= maxOpen) return false;
    this.table.connections.set(connection.connectionId, copy(connection));
    return true;
  }

  async get(connectionId: string): Promise<ConnectionRecord | undefined> {
    const connection = this.table.connections.get(connectionId);
    return connection && copy(connection);
  }

  async remove(connectionId: string): Promise<RemovedConnection | undefined> {
    const removed = this.table.connections.get(connectionId);
    if (!removed) return undefined;
    this.table.connections.delete(connectionId);
    return { record: copy(removed), remaining: await this.openCount(removed.userId) };
  }

  async openCount(userId: string): Promise<number> {
    return (await this.listForUser(userId)).length;
  }

  async forget(connectionId: string, alsoChatId?: string): Promise<RemovedConnection | undefined> {
    const removed = await this.remove(connectionId);
    const chats = new Set(removed?.record.chats ?? []);
    if (alsoChatId) chats.add(alsoChatId);
    await this.unsubscribe(connectionId, chats);
    return removed;
  }

  async listForUser(userId: string): Promise<string[]> {
    return [...this.table.connections.values()]
      .filter((connection) => connection.userId === userId)
      .map((connection) => connection.connectionId);
  }

  /** Deletes the chats' subscription items only; the connection's own set stays, as in the real store. */
  async unsubscribe(connectionId: string, chatIds: Iterable<string>): Promise<void> {
    for (const chatId of chatIds) this.table.subscriptionsOf(chatId).delete(connectionId);
  }
}

/** The end of a chat over the in-memory table, as functions/lib/data/closure-store.ts does it. */
export class MemoryClosureStore implements PortOf<ClosureStore> {
  constructor(private readonly table: MemoryTable) {}

  async markClosing(chatId: string, endedBy: string): Promise<boolean> {
    const chat = this.table.chats.get(chatId);
    if (!chat || chat.state === "closing" || chat.state === "ended") return false;
    this.table.chats.set(chatId, { ...chat, state: "closing", endedBy, updatedAt: new Date().toISOString() });
    return true;
  }

  async assignCaseNumber(chatId: string, caseNumber: string): Promise<boolean> {
    const chat = this.table.chats.get(chatId);
    if (!chat || chat.caseNumber !== undefined || this.table.cases.has(caseNumber)) return false;
    this.table.chats.set(chatId, { ...chat, caseNumber });
    this.table.cases.set(caseNumber, chatId);
    return true;
  }

  async complete(chatId: string, summary: string): Promise<void> {
    const chat = this.table.chats.get(chatId);
    if (chat?.caseNumber === undefined) throw new Error("ConditionalCheckFailedException: no case number");
    const now = new Date().toISOString();
    this.table.chats.set(chatId, {
      ...chat,
      state: "ended",
      summary,
      endedAt: chat.endedAt ?? now,
      updatedAt: now,
    });
  }

  async finish(chatId: string): Promise<boolean> {
    const chat = this.table.chats.get(chatId);
    return chat?.state === "ended" && chat.agentId === undefined;
  }
}

/** A customer's chats over the in-memory table, newest first, as functions/lib/data/user-chat-store.ts lists them. */
export class MemoryUserChatStore implements PortOf<UserChatStore> {
  constructor(private readonly table: MemoryTable) {}

  async listRecent(customerId: string, limit: number): Promise<UserChatRow[]> {
    return [...this.table.chats.values()]
      .filter((chat) => chat.customer.id === customerId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit)
      .map(({ chatId, state, createdAt, lastSeq, caseNumber }) => ({
        chatId,
        state,
        createdAt,
        lastSeq,
        ...(caseNumber ? { caseNumber } : {}),
      }));
  }
}
