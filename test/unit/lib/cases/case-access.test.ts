import { describe, expect, it } from "vitest";
import { mayReadCase } from "../../../../functions/lib/cases/case-access.ts";
import { toCaseFrame } from "../../../../functions/lib/cases/case-view.ts";
import type { CaseRecord } from "../../../../functions/lib/data/case-records.ts";
import { assignedChat, chatRecord, customer, staff } from "../../support/fixtures.ts";

const record: CaseRecord = {
  caseNumber: "CC-261125-7K3M9Q",
  chatId: "chat-1",
  kind: "complaint",
  status: "in-progress",
  customerId: customer.sub,
  createdAt: "2026-11-25T14:05:00.000Z",
  updatedAt: "2026-11-25T15:00:00.000Z",
  history: [
    { status: "open", at: "2026-11-25T14:05:00.000Z", by: { role: "agent", id: "agent-1", name: "Bo" } },
    {
      status: "in-progress",
      at: "2026-11-25T15:00:00.000Z",
      note: "Called the merchant.",
      by: { role: "agent", id: "agent-1", name: "Bo" },
    },
  ],
  text: "Charged twice.",
  wrapUp: { code: "dispute-filed", at: "2026-11-25T15:10:00.000Z", by: { role: "agent", id: "agent-1" } },
  rating: { score: 4, at: "2026-11-25T15:11:00.000Z", comment: "Quick." },
};

describe("mayReadCase", () => {
  it("lets a customer read only their own case, with or without its chat", () => {
    // Prepare
    const other = { ...customer, sub: "customer-2" };

    // Act
    const own = mayReadCase(record, undefined, customer);
    const foreign = mayReadCase(record, chatRecord(), other);
    const legacyOwn = mayReadCase({ ...record, customerId: undefined }, chatRecord(), customer);
    const legacyForeign = mayReadCase({ ...record, customerId: undefined }, chatRecord(), other);

    // Assess
    expect([own, foreign, legacyOwn, legacyForeign]).toEqual([true, false, true, false]);
  });

  it("lets staff read cases of chats they took part in or whose queue they are granted", () => {
    // Prepare
    const holder = staff("agent-1", { queues: ["billing"] });
    const chat = assignedChat(holder, { lastQueueId: "general" });

    // Act
    const participant = mayReadCase(record, chat, holder);
    const queueGranted = mayReadCase(record, chat, staff("agent-2", { queues: ["general"] }));
    const everyQueue = mayReadCase(record, chat, staff("agent-3", { queues: ["*"] }));
    const otherQueue = mayReadCase(record, chat, staff("agent-4", { queues: ["billing"] }));
    const noChat = mayReadCase(record, undefined, holder);

    // Assess
    expect([participant, queueGranted, everyQueue, otherQueue, noChat]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("toCaseFrame", () => {
  it("shows the customer the history by role and name, and staff also ids, text, wrap-up and rating", () => {
    // Act
    const forCustomer = toCaseFrame(record, customer, "r-1");
    const forStaff = toCaseFrame(record, staff("agent-9"), "r-2");

    // Assess
    expect(forCustomer).toMatchObject({ type: "case", requestId: "r-1", status: "in-progress", rated: true });
    expect(forCustomer.history[1]).toEqual({
      status: "in-progress",
      at: "2026-11-25T15:00:00.000Z",
      note: "Called the merchant.",
      by: { role: "agent", name: "Bo" },
    });
    expect(forCustomer).not.toHaveProperty("text");
    expect(forCustomer).not.toHaveProperty("wrapUp");
    expect(forCustomer).not.toHaveProperty("rating");
    expect(forStaff.history[0]?.by).toEqual({ role: "agent", id: "agent-1", name: "Bo" });
    expect(forStaff).toMatchObject({
      text: "Charged twice.",
      wrapUp: { code: "dispute-filed" },
      rating: { score: 4, comment: "Quick." },
    });
  });
});
