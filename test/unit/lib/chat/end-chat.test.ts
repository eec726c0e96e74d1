import { describe, expect, it } from "vitest";
import { endChat } from "../../../../functions/lib/chat/end-chat.ts";
import type { ClientFrame } from "../../../../functions/lib/protocol/client-frames.ts";
import { agentRecord, chatRecord, customer, queuedChat, queueEntry, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const frame: ClientFrame<"endChat"> = { action: "endChat", requestId: "req-1", chatId: "chat-1" };

describe("endChat", () => {
  it("moves the chat to closing and starts its closure once", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);
    world.seedChat(chatRecord());

    // Act
    const reply = await endChat(world.ports, caller, frame);
    const again = await endChat(world.ports, caller, { ...frame, requestId: "req-2" });

    // Assess
    expect(reply).toEqual({ type: "chatEnding", requestId: "req-1", chatId: "chat-1" });
    expect(again.requestId).toBe("req-2");
    expect(await world.ports.chats.get("chat-1")).toMatchObject({ state: "closing", endedBy: customer.sub });
    expect(world.closure.executions).toEqual([
      { name: "close-chat-1-0", chatId: "chat-1", endedBy: customer.sub },
    ]);
  });

  it("starts the closure again when a previous one has been stuck in closing for over a minute", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);
    world.seedChat(chatRecord({ state: "closing", updatedAt: new Date(Date.now() - 120_000).toISOString() }));

    // Act
    await endChat(world.ports, caller, frame);

    // Assess
    expect(world.closure.executions).toHaveLength(1);
    expect(world.closure.executions[0]?.name).not.toBe("close-chat-1-0");
  });

  it("takes a queued chat out of its queue, gives the offered agent the slot back and ends the wait", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);
    const agent = staff("agent-1");
    world.connect(agent);
    const entry = queueEntry({ state: "offered", offeredTo: agent.sub });
    world.seedEntry(entry);
    world.seedAgent(agentRecord(agent, { activeChats: 1 }));
    world.seedChat(queuedChat(entry, { waitToken: "wait-1", answerToken: "answer-1" }));

    // Act
    await endChat(world.ports, caller, frame);

    // Assess
    expect(await world.ports.queues.get(entry.queueId, entry.sk)).toBeUndefined();
    expect((await world.ports.agents.get(agent.sub))?.activeChats).toBe(0);
    expect(world.handoff.signals).toEqual([
      { token: "answer-1", outcome: { outcome: "abandoned" } },
      { token: "wait-1", outcome: { outcome: "abandoned" } },
    ]);
    expect(world.sender.toUser(agent.sub)).toContainEqual({
      type: "offerWithdrawn",
      chatId: "chat-1",
      reason: "abandoned",
    });
    expect((await world.ports.chats.get("chat-1"))?.state).toBe("closing");
    expect(world.closure.executions).toHaveLength(1);
  });

  it.each([
    { case: "an ended chat", who: customer, chat: chatRecord({ state: "ended" }), code: "CHAT_CLOSED" },
    {
      case: "someone else's chat",
      who: { ...customer, sub: "customer-2" },
      chat: chatRecord(),
      code: "NOT_FOUND",
    },
  ])("refuses $case with $code and starts nothing", async ({ who, chat, code }) => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(who);
    world.seedChat(chat);

    // Act
    const ended = endChat(world.ports, caller, frame);

    // Assess
    await expect(ended).rejects.toMatchObject({ code });
    expect(world.closure.executions).toEqual([]);
  });
});
