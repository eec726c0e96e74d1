import { describe, expect, it } from "vitest";
import { applyRetention } from "../../../../functions/lib/chat/apply-retention.ts";
import type { ChatStore } from "../../../../functions/lib/data/chat-store.ts";
import { CASE_SK, CHAT_META_SK, casePk, chatPk } from "../../../../functions/lib/data/keys.ts";
import type { ChatRecord } from "../../../../functions/lib/data/records.ts";
import { chatExpiries, readRetentionPolicy } from "../../../../functions/lib/data/retention.ts";
import type { PortOf } from "../../../../functions/lib/kernel/ports.ts";
import { MemoryPartitions } from "../../support/memory-partitions.ts";

const chatId = "chat-1";
const endedAt = "2026-06-30T23:59:59.000Z";
const retention = readRetentionPolicy({ RETENTION_TRANSCRIPT_DAYS: "10", RETENTION_CASE_DAYS: "100" });
const times = chatExpiries(retention, endedAt);
const subscriptionExpiry = Math.ceil(Date.parse(endedAt) / 1000) + 600;

function endedChat(table: MemoryPartitions, overrides: Partial<ChatRecord> = {}) {
  const chat = { chatId, state: "ended", caseNumber: "CC-7", endedAt, lastSeq: 2, ...overrides };
  table.put({ pk: chatPk(chatId), sk: CHAT_META_SK, ...chat });
  table.put({ pk: chatPk(chatId), sk: "MSG#0000000001", text: "hello" });
  table.put({ pk: chatPk(chatId), sk: "MSG#0000000002", text: "bye" });
  table.put({ pk: chatPk(chatId), sk: "CMID#customer-1#m-1", seq: 2 });
  table.put({ pk: chatPk(chatId), sk: "CONN#c1", expiresAt: subscriptionExpiry });
  table.put({ pk: casePk("CC-7"), sk: CASE_SK, chatId });
  table.put({ pk: chatPk("other"), sk: "MSG#0000000001", text: "not this chat" });
  // Only `get` is used; the store's other methods are not part of this step.
  const chats = {
    get: async () => table.get(chatPk(chatId), CHAT_META_SK) as unknown as ChatRecord,
  } as unknown as PortOf<ChatStore>;
  return { chats, partitions: table, retention };
}

describe("applyRetention", () => {
  it("gives every item of the chat and its case the expiry of its kind, counted from endedAt", async () => {
    // Prepare
    const table = new MemoryPartitions();
    const deps = endedChat(table);

    // Act
    const result = await applyRetention(deps, { chatId });

    // Assess
    const expiry = (pk: string, sk: string) => table.get(pk, sk)?.expiresAt;
    expect(expiry(chatPk(chatId), CHAT_META_SK)).toBe(times.transcript);
    expect(expiry(chatPk(chatId), "MSG#0000000001")).toBe(times.transcript);
    expect(expiry(chatPk(chatId), "MSG#0000000002")).toBe(times.transcript);
    expect(expiry(chatPk(chatId), "CMID#customer-1#m-1")).toBe(times.idempotency);
    expect(expiry(chatPk(chatId), "CONN#c1")).toBe(subscriptionExpiry);
    expect(expiry(casePk("CC-7"), CASE_SK)).toBe(times.case);
    expect(expiry(chatPk("other"), "MSG#0000000001")).toBeUndefined();
    expect(result).toEqual({ transcriptExpiresAt: times.transcript, caseExpiresAt: times.case, updated: 5 });
  });

  it("writes nothing when run again", async () => {
    // Prepare
    const table = new MemoryPartitions();
    const deps = endedChat(table);
    await applyRetention(deps, { chatId });
    const before = JSON.stringify([...table.items]);

    // Act
    const again = await applyRetention(deps, { chatId });

    // Assess
    expect(again.updated).toBe(0);
    expect(JSON.stringify([...table.items])).toBe(before);
  });

  it.each([{ state: "closing" as const }, { endedAt: undefined }, { caseNumber: undefined }])(
    "refuses a chat that has not ended (%j) and changes nothing",
    async (overrides) => {
      // Prepare
      const table = new MemoryPartitions();
      const deps = endedChat(table, overrides);

      // Act
      const applied = applyRetention(deps, { chatId });

      // Assess
      await expect(applied).rejects.toThrow(/has not ended/);
      expect(table.get(chatPk(chatId), "MSG#0000000001")?.expiresAt).toBeUndefined();
    },
  );
});
