import { describe, expect, it } from "vitest";
import { reconcilerSettings } from "../../../../functions/lib/composition/reconciler-root.ts";
import type { QueueEntry } from "../../../../functions/lib/data/agent-records.ts";
import type { WatchedChat } from "../../../../functions/lib/data/oversight-store.ts";
import { slotsHeld } from "../../../../functions/lib/reconcile/repair-agents.ts";
import { handoffExecutionName } from "../../../../functions/lib/workflows/handoff-workflow.ts";

const entry = (fields: Partial<QueueEntry>) => ({ state: "waiting", ...fields }) as QueueEntry;
const chat = (fields: Partial<WatchedChat>) => fields as WatchedChat;

describe("slotsHeld", () => {
  it("counts the agent's offers, assigned chats and chats still closing, and nobody else's", () => {
    // Prepare
    const holdings = {
      entries: [
        entry({ state: "offered", offeredTo: "a" }),
        entry({ state: "offered", offeredTo: "b" }),
        entry({ state: "waiting", declinedBy: new Set(["a"]) }),
      ],
      held: [chat({ agentId: "a", state: "assigned" }), chat({ agentId: "a", state: "queued" })],
      closing: [chat({ agentId: "a", state: "ended" }), chat({ state: "closing" }), chat({ agentId: "b" })],
    };

    // Act
    const counted = slotsHeld("a", holdings);

    // Assess
    expect(counted).toBe(3);
  });
});

describe("slotsHeld in conferences", () => {
  it("counts a seat or an invitation offer in a chat someone else holds, once per chat, and never the agent's own chat twice", () => {
    // Prepare
    const seated = chat({
      chatId: "c-1",
      agentId: "holder",
      state: "assigned",
      participants: { a: { role: "agent", name: "A", joinedAt: "", conference: { inviteId: "i-1" } } },
    });
    const offered = chat({
      chatId: "c-2",
      agentId: "holder",
      state: "assigned",
      participants: {},
      invite: { offeredTo: "a" } as WatchedChat["invite"],
    });
    const own = chat({
      chatId: "c-3",
      agentId: "a",
      state: "assigned",
      participants: { a: { role: "agent", name: "A", joinedAt: "" } },
    });
    const leftSeat = chat({
      chatId: "c-4",
      agentId: "holder",
      state: "closing",
      participants: { a: { role: "agent", name: "A", joinedAt: "" } },
    });

    // Act
    const counted = slotsHeld("a", {
      entries: [],
      held: [own],
      closing: [],
      // c-1 read twice: from the holder's HELD list and from CLOSING as it started closing.
      others: [seated, offered, own, leftSeat, seated],
    });

    // Assess
    expect(counted).toBe(3);
  });
});

describe("handoffExecutionName", () => {
  it("names the first execution by handoff number and each restart after it, within 80 characters", () => {
    // Act
    const names = [handoffExecutionName("c-1", 2, 0), handoffExecutionName("c-1", 2, 3)];
    const long = handoffExecutionName("x".repeat(90), 1, 1);

    // Assess
    expect(names).toEqual(["handoff-c-1-2", "handoff-c-1-2-r3"]);
    expect(long).toHaveLength(80);
  });
});

describe("reconcilerSettings", () => {
  it("reads each time in seconds, with the documented default for a missing or invalid value", () => {
    // Act
    const defaults = reconcilerSettings({});
    const configured = reconcilerSettings({
      RECONCILER_SETTLE_SECONDS: "5",
      QUEUE_DISCONNECT_GRACE_SECONDS: "-1",
      IDLE_CHAT_SECONDS: "0",
      IDLE_WARNING_SECONDS: "ten",
    });

    // Assess
    expect(defaults).toMatchObject({
      settleSeconds: 60,
      disconnectGraceSeconds: 60,
      idleSeconds: 1200,
      idleWarningSeconds: 120,
    });
    expect(configured).toMatchObject({
      settleSeconds: 5,
      disconnectGraceSeconds: 60,
      idleSeconds: 0,
      idleWarningSeconds: 120,
    });
  });
});
