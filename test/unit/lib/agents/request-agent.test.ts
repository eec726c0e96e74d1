import { describe, expect, it } from "vitest";
import { requestAgent } from "../../../../functions/lib/agents/request-agent.ts";
import type { CustomerIdentity } from "../../../../functions/lib/auth/identity.ts";
import type { ClientFrame } from "../../../../functions/lib/protocol/client-frames.ts";
import { assignedChat, chatRecord, customer, queuedChat, queueEntry, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const frame = (requestId = "req-1"): ClientFrame<"requestAgent"> => ({
  action: "requestAgent",
  requestId,
  chatId: "chat-1",
});

describe("requestAgent", () => {
  it("counts the handoff on the chat and starts one workflow with the request's id", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);
    world.seedChat(chatRecord({ handoffs: 2 }));

    // Act
    const reply = await requestAgent(world.ports, caller, frame("req-7"));

    // Assess
    expect(reply).toBeUndefined();
    expect(world.handoff.executions).toEqual([
      { name: "handoff-chat-1-3", input: { chatId: "chat-1", requestId: "req-7", reason: "request" } },
    ]);
    expect((await world.ports.chats.get("chat-1"))?.handoffs).toBe(3);
  });

  it("starts one workflow when two requests race", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);
    world.seedChat(chatRecord());

    // Act
    await Promise.all([
      requestAgent(world.ports, caller, frame("a")),
      requestAgent(world.ports, caller, frame("b")),
    ]);

    // Assess
    expect(world.handoff.executions.map((execution) => execution.name)).toEqual(["handoff-chat-1-1"]);
    expect((await world.ports.chats.get("chat-1"))?.handoffs).toBe(1);
  });

  it("is harmless while the chat is queued: nothing is written and no workflow starts", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);
    world.seedChat(queuedChat(queueEntry()));

    // Act
    const reply = await requestAgent(world.ports, caller, frame());

    // Assess
    expect(reply).toBeUndefined();
    expect(world.handoff.executions).toEqual([]);
    expect(world.table.transactions).toEqual([]);
  });

  it("lets only the customer ask", async () => {
    // Prepare
    const world = inMemoryWorld();
    const agent = staff("agent-1");
    const caller = world.connect(agent);
    world.seedChat(assignedChat(agent));

    // Act
    const asked = requestAgent(world.ports, caller, frame());

    // Assess
    await expect(asked).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(world.handoff.executions).toEqual([]);
  });

  it.each([
    {
      case: "someone else's chat",
      who: { ...customer, sub: "customer-2" },
      chat: chatRecord(),
      code: "NOT_FOUND",
    },
    { case: "an assigned chat", who: customer, chat: assignedChat(staff("agent-1")), code: "CONFLICT" },
    { case: "an ended chat", who: customer, chat: chatRecord({ state: "ended" }), code: "CHAT_CLOSED" },
  ])("refuses $case with $code", async ({ who, chat, code }) => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(who as CustomerIdentity);
    world.seedChat(chat);

    // Act
    const asked = requestAgent(world.ports, caller, frame());

    // Assess
    await expect(asked).rejects.toMatchObject({ code });
    expect(world.handoff.executions).toEqual([]);
  });
});
