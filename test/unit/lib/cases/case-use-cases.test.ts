import { describe, expect, it } from "vitest";
import { chatCase } from "../../../../functions/lib/cases/open-chat-case.ts";
import { rateChat } from "../../../../functions/lib/cases/rate-chat.ts";
import { settleChatCase } from "../../../../functions/lib/cases/settle-chat-case.ts";
import { updateCase } from "../../../../functions/lib/cases/update-case.ts";
import { WRAP_UP_WINDOW_MS, wrapUpChat } from "../../../../functions/lib/cases/wrap-up.ts";
import type { ChatRecord } from "../../../../functions/lib/data/records.ts";
import { eventDetailSchemas } from "../../../../functions/lib/events/event-schemas.ts";
import { assignedChat, customer, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const CASE = "CC-261125-7K3M9Q";
const agent = staff("agent-1", { queues: ["general"] });

function world(overrides: Partial<ChatRecord> = {}) {
  const memory = inMemoryWorld();
  const chat = { ...assignedChat(agent, { caseNumber: CASE, ...overrides }), caseNumber: CASE };
  memory.seedChat(chat);
  memory.cases.createItem(chatCase(chat));
  return { memory, chat, agentCaller: memory.connect(agent), customerCaller: memory.connect(customer) };
}

const endedAt = () => new Date().toISOString();

describe("updateCase", () => {
  it("moves a case, records who and when with the masked note, and publishes the change", async () => {
    // Prepare
    const { memory, agentCaller } = world();

    // Act
    const frame = await updateCase(memory.ports, agentCaller, {
      action: "updateCase",
      caseNumber: CASE,
      status: "in-progress",
      note: "Card 4111 1111 1111 1111 blocked",
    });

    // Assess
    expect(frame).toMatchObject({ type: "case", status: "in-progress" });
    const entry = frame.history.at(-1);
    expect(entry).toMatchObject({ status: "in-progress", by: { role: "agent", id: "agent-1" } });
    expect(entry?.note).not.toContain("4111 1111");
    expect((await memory.cases.get(CASE))?.status).toBe("in-progress");
    const [event] = memory.events.published;
    expect(event).toMatchObject({
      detailType: "Case Status Changed",
      detail: { from: "open", to: "in-progress" },
    });
    expect(eventDetailSchemas["Case Status Changed"].safeParse(event?.detail).success).toBe(true);
  });

  it("refuses a move the status does not allow (CONFLICT), a customer (FORBIDDEN) and a stranger (NOT_FOUND)", async () => {
    // Prepare
    const { memory, agentCaller, customerCaller } = world({ lastQueueId: "billing" });
    await updateCase(memory.ports, agentCaller, { action: "updateCase", caseNumber: CASE, status: "closed" });
    const stranger = memory.connect(staff("agent-2", { queues: ["general"] }));

    // Act
    const reopen = updateCase(memory.ports, agentCaller, {
      action: "updateCase",
      caseNumber: CASE,
      status: "open",
    });
    const byCustomer = updateCase(memory.ports, customerCaller, {
      action: "updateCase",
      caseNumber: CASE,
      status: "open",
    });
    const byStranger = updateCase(memory.ports, stranger, {
      action: "updateCase",
      caseNumber: CASE,
      status: "open",
    });

    // Assess
    await expect(reopen).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(byCustomer).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(byStranger).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await memory.cases.get(CASE))?.history.map((entry) => entry.status)).toEqual(["open", "closed"]);
  });
});

describe("rateChat", () => {
  it("is CONFLICT before the end, stored once after it, and counted for the queue", async () => {
    // Prepare
    const { memory, chat, customerCaller } = world();
    const early = rateChat(memory.ports, customerCaller, { action: "rateChat", chatId: "chat-1", score: 5 });
    await expect(early).rejects.toMatchObject({ code: "CONFLICT" });
    memory.seedChat({ ...chat, state: "ended", endedAt: endedAt() });

    // Act
    const rated = await rateChat(memory.ports, customerCaller, {
      action: "rateChat",
      chatId: "chat-1",
      score: 5,
      comment: "Great",
    });
    const again = rateChat(memory.ports, customerCaller, { action: "rateChat", chatId: "chat-1", score: 1 });

    // Assess
    expect(rated).toMatchObject({ type: "chatRated", chatId: "chat-1" });
    await expect(again).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await memory.cases.get(CASE))?.rating).toMatchObject({ score: 5, comment: "Great" });
    expect(await memory.cases.outcomes("general")).toMatchObject({
      ratings: 1,
      ratingSum: 5,
      scores: { "5": 1 },
    });
    expect(memory.events.published.map((event) => event.detailType)).toEqual(["Chat Rated"]);
  });
});

describe("wrapUpChat", () => {
  it("takes a code of the queue once, after the end and within the window", async () => {
    // Prepare
    const { memory, agentCaller } = world({ state: "ended", endedAt: endedAt() });

    // Act
    const unknown = wrapUpChat(memory.ports, agentCaller, {
      action: "wrapUp",
      chatId: "chat-1",
      code: "made-up",
    });
    const wrapped = await wrapUpChat(memory.ports, agentCaller, {
      action: "wrapUp",
      chatId: "chat-1",
      code: "card-replaced",
    });
    const again = wrapUpChat(memory.ports, agentCaller, {
      action: "wrapUp",
      chatId: "chat-1",
      code: "card-replaced",
    });

    // Assess
    await expect(unknown).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(wrapped).toMatchObject({ type: "wrappedUp", caseNumber: CASE, code: "card-replaced" });
    await expect(again).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await memory.cases.outcomes("general")).toMatchObject({ wrapUps: { "card-replaced": 1 } });
  });

  it("refuses before the end, after the window, and from the customer", async () => {
    // Prepare
    const active = world();
    const late = world({
      state: "ended",
      endedAt: new Date(Date.now() - WRAP_UP_WINDOW_MS - 1_000).toISOString(),
    });
    const frame = { action: "wrapUp", chatId: "chat-1", code: "card-replaced" } as const;

    // Act
    const before = wrapUpChat(active.memory.ports, active.agentCaller, frame);
    const after = wrapUpChat(late.memory.ports, late.agentCaller, frame);
    const byCustomer = wrapUpChat(late.memory.ports, late.customerCaller, frame);

    // Assess
    await expect(before).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(after).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(byCustomer).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("settleChatCase", () => {
  it("resolves the chat's case once however often the closure runs, and publishes through a failed first try", async () => {
    // Prepare
    const { memory, chat } = world({ state: "ended" });
    memory.events.failures = 1;

    // Act
    await settleChatCase(memory.ports, { ...chat, endedAt: endedAt() });
    await settleChatCase(memory.ports, { ...chat, endedAt: endedAt() });

    // Assess
    const stored = await memory.cases.get(CASE);
    expect(stored?.status).toBe("resolved");
    expect(stored?.history.map((entry) => entry.status)).toEqual(["open", "resolved"]);
    expect(memory.events.published).toHaveLength(1);
    expect(memory.events.published[0]).toMatchObject({
      detailType: "Case Status Changed",
      detail: { to: "resolved" },
    });
  });

  it("leaves a case staff already closed", async () => {
    // Prepare
    const { memory, chat, agentCaller } = world();
    await updateCase(memory.ports, agentCaller, { action: "updateCase", caseNumber: CASE, status: "closed" });

    // Act
    await settleChatCase(memory.ports, { ...chat, state: "ended", endedAt: endedAt() });

    // Assess
    expect((await memory.cases.get(CASE))?.status).toBe("closed");
  });
});
