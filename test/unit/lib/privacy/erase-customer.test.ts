import { describe, expect, it } from "vitest";
import { CASE_SK, CHAT_META_SK, casePk, chatPk, userPk } from "../../../../functions/lib/data/keys.ts";
import { eraseCustomer, refusalOf } from "../../../../functions/lib/privacy/erase-customer.ts";
import { parseErasureRequest } from "../../../../functions/lib/privacy/erasure-request.ts";
import type { ChatState } from "../../../../functions/lib/protocol/server-frames.ts";
import { MemoryPartitions } from "../../support/memory-partitions.ts";

interface SeedChat {
  readonly chatId: string;
  readonly customerId: string;
  readonly state?: ChatState;
  readonly messages?: number;
  readonly caseNumber?: string;
  readonly agentId?: string;
}

function seed(table: MemoryPartitions, chat: SeedChat) {
  const messages = chat.messages ?? 2;
  table.put({
    pk: chatPk(chat.chatId),
    sk: CHAT_META_SK,
    gsi1pk: userPk(chat.customerId),
    gsi1sk: `CHAT#2026-11-0${messages}T00:00:00.000Z#${chat.chatId}`,
    chatId: chat.chatId,
    state: chat.state ?? "ended",
    lastSeq: messages,
    ...(chat.caseNumber ? { caseNumber: chat.caseNumber } : {}),
    ...(chat.agentId ? { agentId: chat.agentId } : {}),
  });
  for (let seq = 1; seq <= messages; seq += 1)
    table.put({ pk: chatPk(chat.chatId), sk: `MSG#${String(seq).padStart(10, "0")}`, text: "masked" });
  table.put({ pk: chatPk(chat.chatId), sk: `CMID#${chat.customerId}#m-1`, seq: 1 });
  table.put({ pk: chatPk(chat.chatId), sk: "CONN#c-1", userId: chat.customerId });
  if (chat.caseNumber) table.put({ pk: casePk(chat.caseNumber), sk: CASE_SK, chatId: chat.chatId });
}

const itemsOf = (table: MemoryPartitions, chatId: string) =>
  [...table.items.values()].filter((item) => item.pk === chatPk(chatId));

describe("eraseCustomer", () => {
  it("removes every item of the customer's chats and cases, leaves other customers alone, and counts", async () => {
    // Prepare
    const table = new MemoryPartitions();
    seed(table, { chatId: "a1", customerId: "ana", messages: 3, caseNumber: "CC-1" });
    seed(table, { chatId: "a2", customerId: "ana", messages: 2, state: "assistant" });
    seed(table, { chatId: "b1", customerId: "bo.agent@bank.example", messages: 4, caseNumber: "CC-2" });
    const others = JSON.stringify(
      [...table.items.values()].filter((item) => item.pk.endsWith("b1") || item.pk === casePk("CC-2")),
    );

    // Act
    const report = await eraseCustomer({ customers: table, partitions: table }, "ana");

    // Assess
    expect(report).toEqual({
      customerId: "ana",
      erased: true,
      chatIds: ["a1", "a2"],
      counts: {
        chats: 2,
        messages: 5,
        idempotencyKeys: 2,
        subscriptions: 2,
        cases: 1,
        rateLimits: 0,
        other: 0,
      },
      refused: [],
    });
    expect([...itemsOf(table, "a1"), ...itemsOf(table, "a2")]).toEqual([]);
    expect(table.get(casePk("CC-1"), CASE_SK)).toBeUndefined();
    const left = [...table.items.values()];
    expect(JSON.stringify(left)).toBe(others);
  });

  it("erases nothing while one of the customer's chats is queued, assigned or closing, and says why", async () => {
    // Prepare
    const table = new MemoryPartitions();
    seed(table, { chatId: "a1", customerId: "ana", caseNumber: "CC-1" });
    seed(table, { chatId: "a2", customerId: "ana", state: "assigned", agentId: "agent-1" });
    const before = table.items.size;

    // Act
    const report = await eraseCustomer({ customers: table, partitions: table }, "ana");

    // Assess
    expect(report.erased).toBe(false);
    expect(report.refused).toEqual([
      { chatId: "a2", state: "assigned", reason: expect.stringContaining("agent") },
    ]);
    expect(report.counts).toEqual({
      chats: 0,
      messages: 0,
      idempotencyKeys: 0,
      subscriptions: 0,
      cases: 0,
      rateLimits: 0,
      other: 0,
    });
    expect(table.items.size).toBe(before);
  });

  it("catches a message stored while the chat was being erased, and removes it too", async () => {
    // Prepare
    const table = new MemoryPartitions();
    seed(table, { chatId: "a1", customerId: "ana", state: "assistant", messages: 1 });
    let typed = false;
    table.beforeRemoveChat = () => {
      if (typed) return;
      typed = true;
      const meta = table.get(chatPk("a1"), CHAT_META_SK);
      if (meta) meta.lastSeq = 2;
      table.put({ pk: chatPk("a1"), sk: "MSG#0000000002", text: "one more" });
    };

    // Act
    const report = await eraseCustomer({ customers: table, partitions: table }, "ana");

    // Assess
    expect(report.erased).toBe(true);
    expect(report.counts.messages).toBe(2);
    expect(report.counts.chats).toBe(1);
    expect(itemsOf(table, "a1")).toEqual([]);
  });

  it("reports an empty erasure for a customer with no chats", async () => {
    // Prepare
    const table = new MemoryPartitions();
    seed(table, { chatId: "b1", customerId: "bo" });

    // Act
    const report = await eraseCustomer({ customers: table, partitions: table }, "nobody");

    // Assess
    expect(report).toMatchObject({ erased: true, chatIds: [], counts: { chats: 0, messages: 0 } });
    expect(table.items.size).toBe(5);
  });
});

describe("refusalOf", () => {
  it.each([
    [{ state: "assistant" }, false],
    [{ state: "ended" }, false],
    [{ state: "ended", agentId: "agent-1" }, true],
    [{ state: "queued" }, true],
    [{ state: "assigned", agentId: "agent-1" }, true],
    [{ state: "closing" }, true],
  ] as const)("%j refused: %s", (chat, refused) => {
    // Act
    const reason = refusalOf(chat);

    // Assess
    expect(reason !== undefined).toBe(refused);
  });
});

describe("parseErasureRequest", () => {
  it.each([{}, { sub: "" }, { sub: 7 }, { sub: "ana", text: "x" }, null, "ana"])("refuses %j", (input) => {
    // Act
    const parse = () => parseErasureRequest(input);

    // Assess
    expect(parse).toThrow(/sub/);
  });

  it("accepts an id with any characters", () => {
    // Act
    const request = parseErasureRequest({ sub: "bo.agent@bank.example#ü" });

    // Assess
    expect(request).toEqual({ sub: "bo.agent@bank.example#ü" });
  });
});
