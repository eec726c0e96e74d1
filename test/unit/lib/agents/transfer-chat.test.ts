import { describe, expect, it } from "vitest";
import { transferChat } from "../../../../functions/lib/agents/transfer-chat.ts";
import type { ClientFrame } from "../../../../functions/lib/protocol/client-frames.ts";
import { assignedChat, customer, queuedChat, queueEntry, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const agent = staff("agent-1");
const NOTE = "Customer disputes the hotel charge; call back after 5pm.";
const transfer = (fields: Partial<ClientFrame<"transferChat">> = {}): ClientFrame<"transferChat"> => ({
  action: "transferChat",
  requestId: "req-1",
  chatId: "chat-1",
  queueId: "billing",
  note: NOTE,
  ...fields,
});
const escalate: ClientFrame<"escalateChat"> = {
  action: "escalateChat",
  requestId: "req-2",
  chatId: "chat-1",
  reason: "Customer asks for a supervisor.",
};
/** What a handoff execution's input may hold: ids and enumerations, never free text. */
const ID_FIELDS = ["chatId", "requestId", "targetQueueId", "reason", "fromAgentId"];

function holdingWorld() {
  const world = inMemoryWorld();
  const caller = world.connect(agent);
  world.seedChat(assignedChat(agent, { handoffs: 1 }));
  return { world, caller };
}

describe("transferChat", () => {
  it("keeps the note on the chat and starts the workflow with ids only", async () => {
    // Prepare
    const { world, caller } = holdingWorld();

    // Act
    const reply = await transferChat(world.ports, caller, transfer());

    // Assess
    expect(reply).toEqual({
      type: "transferStarted",
      requestId: "req-1",
      chatId: "chat-1",
      queueId: "billing",
    });
    const chat = await world.ports.chats.get("chat-1");
    expect(chat?.handoffNote).toBe(NOTE);
    expect(chat?.handoffs).toBe(2);
    const [execution] = world.handoff.executions;
    expect(execution?.name).toBe("handoff-chat-1-2");
    expect(execution?.input).toEqual({
      chatId: "chat-1",
      targetQueueId: "billing",
      reason: "transfer",
      fromAgentId: "agent-1",
    });
    expect(Object.keys(execution?.input ?? {}).every((key) => ID_FIELDS.includes(key))).toBe(true);
    expect(JSON.stringify(execution?.input)).not.toContain("hotel");
  });

  it("escalates to the supervisors' queue with the reason on the chat, not in the input", async () => {
    // Prepare
    const { world, caller } = holdingWorld();

    // Act
    const reply = await transferChat(world.ports, caller, escalate);

    // Assess
    expect(reply.queueId).toBe("supervisors");
    expect((await world.ports.chats.get("chat-1"))?.handoffNote).toBe(escalate.reason);
    const input = world.handoff.executions[0]?.input;
    expect(input).toEqual({
      chatId: "chat-1",
      targetQueueId: "supervisors",
      reason: "escalation",
      fromAgentId: "agent-1",
    });
    expect(JSON.stringify(input)).not.toContain("supervisor.");
  });

  it("routes the chat when no queue is named", async () => {
    // Prepare
    const { world, caller } = holdingWorld();

    // Act
    const reply = await transferChat(world.ports, caller, transfer({ queueId: undefined, note: undefined }));

    // Assess
    expect(reply.queueId).toBe("general");
    expect((await world.ports.chats.get("chat-1"))?.handoffNote).toBe("");
  });

  it("masks a card number typed into the note before it is stored", async () => {
    // Prepare
    const { world, caller } = holdingWorld();

    // Act
    await transferChat(world.ports, caller, transfer({ note: "Card 4111 1111 1111 1111 was declined." }));

    // Assess
    const note = (await world.ports.chats.get("chat-1"))?.handoffNote ?? "";
    expect(note).not.toMatch(/4111[\s-]?1111[\s-]?1111/);
    expect(note).toContain("1111");
  });

  it.each([
    { case: "another agent's chat", chat: assignedChat(staff("agent-2")) },
    { case: "a queued chat", chat: queuedChat(queueEntry()) },
  ])("answers NOT_FOUND for $case and starts nothing", async ({ chat }) => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(agent);
    world.seedChat(chat);

    // Act
    const transferred = transferChat(world.ports, caller, transfer());

    // Assess
    await expect(transferred).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(world.handoff.executions).toEqual([]);
  });

  it("answers NOT_FOUND when the chat is taken from the agent between the read and the write", async () => {
    // Prepare
    const { world } = holdingWorld();
    const caller = world.connect(agent);
    world.table.hooks = {
      before: () => world.seedChat(assignedChat(staff("agent-2"), { handoffs: 1 })),
    };

    // Act
    const transferred = transferChat(world.ports, caller, transfer());

    // Assess
    await expect(transferred).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(world.handoff.executions).toEqual([]);
    expect((await world.ports.chats.get("chat-1"))?.handoffNote).toBeUndefined();
  });

  it("answers BAD_REQUEST for an unknown queue and changes nothing", async () => {
    // Prepare
    const { world, caller } = holdingWorld();

    // Act
    const transferred = transferChat(world.ports, caller, transfer({ queueId: "no-such-queue" }));

    // Assess
    await expect(transferred).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(world.handoff.executions).toEqual([]);
    expect(world.table.transactions).toEqual([]);
  });

  it("is for staff only", async () => {
    // Prepare
    const { world } = holdingWorld();
    const caller = world.connect(customer);

    // Act
    const transferred = transferChat(world.ports, caller, transfer());

    // Assess
    await expect(transferred).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
