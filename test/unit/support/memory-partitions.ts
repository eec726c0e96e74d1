import type { CustomerChat, CustomerStore } from "../../../functions/lib/data/customer-store.ts";
import { CHAT_META_SK, chatPk, userPk } from "../../../functions/lib/data/keys.ts";
import type { ExpiryChange, PartitionStore, StoredKey } from "../../../functions/lib/data/partition-store.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";

type Item = Record<string, unknown> & { pk: string; sk: string };

/**
 * One in-memory table behind the partition and customer ports, keyed like the real one, so that a unit
 * test of retention or erasure can look at every item afterwards. `beforeRemoveChat` lets a test play
 * another writer at the moment the erasure deletes a chat record.
 */
export class MemoryPartitions implements PortOf<PartitionStore>, PortOf<CustomerStore> {
  readonly items = new Map<string, Item>();
  beforeRemoveChat?: (chatId: string) => void;

  put(item: Item): void {
    this.items.set(`${item.pk}\u0000${item.sk}`, { ...item });
  }

  get(pk: string, sk: string): Item | undefined {
    return this.items.get(`${pk}\u0000${sk}`);
  }

  async keys(pk: string): Promise<StoredKey[]> {
    return [...this.items.values()]
      .filter((item) => item.pk === pk)
      .sort((a, b) => a.sk.localeCompare(b.sk))
      .map(({ pk: key, sk, expiresAt }) => ({ pk: key, sk, expiresAt: expiresAt as number | undefined }));
  }

  async expire(changes: readonly ExpiryChange[]): Promise<number> {
    let updated = 0;
    for (const { pk, sk, expiresAt } of changes) {
      const item = this.get(pk, sk);
      if (!item) continue;
      item.expiresAt = expiresAt;
      updated += 1;
    }
    return updated;
  }

  async remove(keys: readonly Pick<StoredKey, "pk" | "sk">[]): Promise<void> {
    for (const { pk, sk } of keys) this.items.delete(`${pk}\u0000${sk}`);
  }

  async chats(customerId: string): Promise<CustomerChat[]> {
    return [...this.items.values()]
      .filter((item) => item.gsi1pk === userPk(customerId))
      .sort((a, b) => String(b.gsi1sk).localeCompare(String(a.gsi1sk)))
      .map(toCustomerChat);
  }

  async chat(chatId: string): Promise<CustomerChat | undefined> {
    const item = this.get(chatPk(chatId), CHAT_META_SK);
    return item ? toCustomerChat(item) : undefined;
  }

  async removeChat(seen: CustomerChat): Promise<boolean> {
    this.beforeRemoveChat?.(seen.chatId);
    const item = this.get(chatPk(seen.chatId), CHAT_META_SK);
    if (!item || item.state !== seen.state || item.lastSeq !== seen.lastSeq || item.agentId !== undefined)
      return false;
    this.items.delete(`${item.pk}\u0000${item.sk}`);
    return true;
  }
}

function toCustomerChat(item: Item): CustomerChat {
  const { chatId, state, lastSeq, agentId, caseNumber } = item as unknown as CustomerChat;
  return { chatId, state, lastSeq, agentId, caseNumber };
}
