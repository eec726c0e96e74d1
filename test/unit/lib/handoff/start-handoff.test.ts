import { describe, expect, it } from "vitest";
import { startHandoff } from "../../../../functions/lib/handoff/start-handoff.ts";
import { assignedChat, chatRecord, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

describe("startHandoff", () => {
  it("moves the chat's handoff counter, then starts the execution named by it", async () => {
    // Prepare
    const world = inMemoryWorld();
    world.seedChat(chatRecord({ handoffs: 4 }));

    // Act
    await startHandoff(world.ports, "chat-1", 4, "req-9");

    // Assess
    expect((await world.ports.chats.get("chat-1"))?.handoffs).toBe(5);
    expect(world.handoff.executions).toEqual([
      { name: "handoff-chat-1-5", input: { chatId: "chat-1", requestId: "req-9", reason: "request" } },
    ]);
  });

  it("starts nothing when the assistant no longer holds the chat", async () => {
    // Prepare
    const world = inMemoryWorld();
    world.seedChat(assignedChat(staff("agent-1"), { handoffs: 1 }));

    // Act
    await startHandoff(world.ports, "chat-1", 1);

    // Assess
    expect(world.handoff.executions).toEqual([]);
    expect((await world.ports.chats.get("chat-1"))?.handoffs).toBe(1);
  });

  it("starts nothing for a chat that does not exist", async () => {
    // Prepare
    const world = inMemoryWorld();

    // Act
    await startHandoff(world.ports, "chat-404", 0);

    // Assess
    expect(world.handoff.executions).toEqual([]);
    expect(world.table.transactions).toEqual([{ items: 1, committed: false }]);
  });

  it("starts the same execution again when retried with the same counter, so only one runs", async () => {
    // Prepare
    const world = inMemoryWorld();
    world.seedChat(chatRecord());

    // Act
    await startHandoff(world.ports, "chat-1", 0);
    await startHandoff(world.ports, "chat-1", 0);

    // Assess
    expect(world.handoff.executions).toHaveLength(1);
  });
});
