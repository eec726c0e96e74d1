import type {
  Claim,
  MessageKey,
  MessageLog,
  ReserveRequest,
  WriteRequest,
} from "../../../functions/lib/data/message-log.ts";
import type { ChatRecord } from "../../../functions/lib/data/records.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";
import { copy, type MemoryTable, memoryItem } from "./memory-table.ts";

const keyOf = (key: MessageKey) => `${key.chatId}\u0000${key.senderId}\u0000${key.clientMessageId}`;

/**
 * The message log over the in-memory table, with the conditions of functions/lib/data/message-log.ts.
 * The reservation and the write go through `table.commit`, so a test's hooks can interleave writers.
 */
export class MemoryMessageLog implements PortOf<MessageLog> {
  /** Claims not yet holding a seq: message key → the claiming attempt and when. */
  readonly claims = new Map<string, { claimId: string; claimedAt: number }>();

  constructor(private readonly table: MemoryTable) {}

  async claim(key: MessageKey, claimId: string, now = Date.now()): Promise<Claim> {
    const existing = await this.inspect(key);
    if (existing.kind === "stored") return existing;
    const pending = this.claims.get(keyOf(key));
    if (pending) return { kind: "pending", claimedAt: pending.claimedAt };
    this.claims.set(keyOf(key), { claimId, claimedAt: now });
    return { kind: "claimed" };
  }

  async inspect(key: MessageKey): Promise<Claim> {
    const seq = this.table.clientMessages.get(keyOf(key));
    if (seq !== undefined) return { kind: "stored", seq };
    return { kind: "pending", claimedAt: this.claims.get(keyOf(key))?.claimedAt ?? Date.now() };
  }

  async takeOver(key: MessageKey, claimId: string, claimedAt: number, now = Date.now()): Promise<boolean> {
    const pending = this.claims.get(keyOf(key));
    if (!pending || pending.claimedAt !== claimedAt) return false;
    this.claims.set(keyOf(key), { claimId, claimedAt: now });
    return true;
  }

  async release(key: MessageKey, claimId: string): Promise<void> {
    if (this.claims.get(keyOf(key))?.claimId === claimId) this.claims.delete(keyOf(key));
  }

  async reserve(request: ReserveRequest): Promise<number | undefined> {
    let first: number | undefined;
    this.table.commit([
      memoryItem("Update", request.chatId, {
        check: () => {
          const chat = this.table.chats.get(request.chatId);
          if (!chat || !request.allowedStates.includes(chat.state)) return false;
          return request.expectLastSeq === undefined || chat.lastSeq === request.expectLastSeq;
        },
        apply: () => {
          const chat = this.table.chats.get(request.chatId) as ChatRecord;
          first = chat.lastSeq + 1;
          this.table.chats.set(request.chatId, {
            ...chat,
            lastSeq: chat.lastSeq + request.count,
            updatedAt: new Date().toISOString(),
            ...(request.assistant ? { assistant: copy(request.assistant) } : {}),
            ...(request.handoffWanted ? { handoffWanted: true } : {}),
          });
        },
      }),
    ]);
    return first;
  }

  async write(request: WriteRequest): Promise<boolean> {
    const key = keyOf(request.key);
    const messages = this.table.messagesOf(request.key.chatId);
    return this.table.commit([
      ...request.messages.map((message) =>
        memoryItem("Put", `${request.key.chatId}#${message.seq}`, {
          check: () => !messages.has(message.seq),
          apply: () => messages.set(message.seq, copy(message)),
        }),
      ),
      memoryItem("Update", key, {
        check: () => this.claims.get(key)?.claimId === request.claimId,
        apply: () => {
          this.claims.delete(key);
          this.table.clientMessages.set(key, request.messages[0]?.seq ?? 0);
        },
      }),
    ]).committed;
  }
}
