import { describe, expect, it } from "vitest";
import { leaveQueue } from "../../../../functions/lib/agents/leave-queue.ts";
import type { ClientFrame } from "../../../../functions/lib/protocol/client-frames.ts";
import { agentRecord, chatRecord, customer, queuedChat, queueEntry, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const frame = (requestId = "req-1"): ClientFrame<"leaveQueue"> => ({
  action: "leaveQueue",
  requestId,
  chatId: "chat-1",
});

/** A queued chat whose entry is offered to agent-1 (holding the offer's slot), the workflow parked on its answer. */
function offeredWorld() {
  const world = inMemoryWorld();
  const caller = world.connect(customer);
  const agent = staff("agent-1");
  world.connect(agent);
  const entry = queueEntry({ state: "offered", offeredTo: agent.sub });
  world.seedEntry(entry);
  world.seedAgent(agentRecord(agent, { activeChats: 1 }));
  world.seedChat(queuedChat(entry, { answerToken: "answer-1" }), [caller]);
  return { world, caller, entry };
}

describe("leaveQueue", () => {
  it("gives the chat back to the assistant, withdraws the offer, frees the slot and ends the workflow", async () => {
    // Prepare
    const { world, caller, entry } = offeredWorld();

    // Act
    const reply = await leaveQueue(world.ports, caller, frame("req-9"));

    // Assess
    const chat = await world.ports.chats.get("chat-1");
    expect(reply).toBeUndefined();
    expect(world.sender.toConnection(caller.connectionId)[0]).toEqual({
      type: "leftQueue",
      requestId: "req-9",
      chatId: "chat-1",
    });
    expect(chat).toMatchObject({ state: "assistant", leftQueueHandoff: 1 });
    expect(chat?.queue).toBeUndefined();
    expect(await world.ports.queues.get(entry.queueId, entry.sk)).toBeUndefined();
    expect((await world.ports.agents.get("agent-1"))?.activeChats).toBe(0);
    expect(world.sender.toUser("agent-1")).toContainEqual({
      type: "offerWithdrawn",
      chatId: "chat-1",
      reason: "abandoned",
    });
    expect(world.handoff.signals).toEqual([{ token: "answer-1", outcome: { outcome: "abandoned" } }]);
    expect((await world.ports.queues.stats("general")).leftByChoice).toBe(1);
    const messages = await world.ports.chats.listAllMessages("chat-1");
    expect(messages.at(-1)).toMatchObject({ from: { role: "assistant" } });
  });

  it("answers a repeat the same way and changes nothing more", async () => {
    // Prepare
    const { world, caller } = offeredWorld();
    await leaveQueue(world.ports, caller, frame("first"));
    const messages = (await world.ports.chats.listAllMessages("chat-1")).length;

    // Act
    const again = await leaveQueue(world.ports, caller, frame("second"));

    // Assess
    expect(again).toEqual({ type: "leftQueue", requestId: "second", chatId: "chat-1" });
    expect(await world.ports.chats.listAllMessages("chat-1")).toHaveLength(messages);
    expect((await world.ports.queues.stats("general")).leftByChoice).toBe(1);
  });

  it.each([
    ["never queued", chatRecord(), "CONFLICT"],
    ["with an agent", chatRecord({ state: "assigned", agentId: "agent-1" }), "CONFLICT"],
    ["ended", chatRecord({ state: "ended" }), "CHAT_CLOSED"],
  ])("refuses a chat %s with %s", async (_label, chat, code) => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);
    world.seedChat(chat);

    // Act
    const attempt = leaveQueue(world.ports, caller, frame());

    // Assess
    await expect(attempt).rejects.toMatchObject({ code });
  });

  it("refuses staff and strangers without touching the chat", async () => {
    // Prepare
    const { world, entry } = offeredWorld();
    const agent = world.connect(staff("agent-2"));
    const stranger = world.connect({ ...customer, sub: "customer-2" });

    // Act
    const byStaff = leaveQueue(world.ports, agent, frame());
    const byStranger = leaveQueue(world.ports, stranger, frame());

    // Assess
    await expect(byStaff).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(byStranger).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await world.ports.queues.get(entry.queueId, entry.sk)).toBeDefined();
  });
});
