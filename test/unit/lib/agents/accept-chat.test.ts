import { describe, expect, it } from "vitest";
import { acceptChat } from "../../../../functions/lib/agents/accept-chat.ts";
import type { ClientFrame } from "../../../../functions/lib/protocol/client-frames.ts";
import { agentRecord, customer, queuedChat, queueEntry, staff } from "../../support/fixtures.ts";
import { type InMemoryWorld, inMemoryWorld } from "../../support/in-memory-ports.ts";

const agent = staff("agent-1");
const frame: ClientFrame<"acceptChat"> = { action: "acceptChat", requestId: "req-1", chatId: "chat-1" };

/** A chat waiting in `general`, offered to `offeredTo`, its workflow parked on an answer token. */
function offeredWorld(offeredTo = agent.sub) {
  const world = inMemoryWorld();
  const caller = world.connect(agent);
  const customerCaller = world.connect(customer);
  const entry = queueEntry({ state: "offered", offeredTo, offerExpiresAt: "2026-11-25T14:02:00.000Z" });
  world.seedEntry(entry);
  world.seedAgent(agentRecord(agent, { activeChats: 1 }));
  world.seedChat(queuedChat(entry, { answerToken: "answer-before" }), [customerCaller]);
  return { world, caller, entry };
}

const setAnswerToken = (world: InMemoryWorld, token: string) => {
  const chat = world.table.chats.get("chat-1");
  if (chat) world.table.chats.set("chat-1", { ...chat, answerToken: token });
};

describe("acceptChat", () => {
  it("assigns the chat, removes the entry, subscribes the agent and tells the customer", async () => {
    // Prepare
    const { world, caller, entry } = offeredWorld();

    // Act
    const reply = await acceptChat(world.ports, caller, frame);

    // Assess
    expect(reply).toMatchObject({
      type: "chatAssigned",
      requestId: "req-1",
      chatId: "chat-1",
      queueId: "general",
    });
    const chat = await world.ports.chats.get("chat-1");
    expect(chat).toMatchObject({ state: "assigned", agentId: "agent-1", lastQueueId: "general" });
    expect(chat?.queue).toBeUndefined();
    expect(chat?.participants[agent.sub]?.role).toBe("agent");
    expect(await world.ports.queues.get(entry.queueId, entry.sk)).toBeUndefined();
    expect(world.table.subscriptionsOf("chat-1").has(caller.connectionId)).toBe(true);
    expect(world.sender.toUser(customer.sub)).toContainEqual({
      type: "agentJoined",
      chatId: "chat-1",
      agent: { id: "agent-1", name: agent.name },
    });
    // The join notice is a stored message, and it is in the history the agent receives.
    expect(reply.history.at(-1)?.from.role).toBe("system");
  });

  it("wakes the workflow with the answer token read after the commit", async () => {
    // Prepare
    const { world, caller } = offeredWorld();
    world.table.hooks = { after: () => setAnswerToken(world, "answer-after") };

    // Act
    await acceptChat(world.ports, caller, frame);

    // Assess
    expect(world.handoff.signals).toEqual([
      { token: "answer-after", outcome: { outcome: "accepted", agentId: "agent-1" } },
    ]);
  });

  it("answers CONFLICT for an offer held by another agent", async () => {
    // Prepare
    const { world, caller } = offeredWorld("agent-2");

    // Act
    const accepted = acceptChat(world.ports, caller, frame);

    // Assess
    await expect(accepted).rejects.toMatchObject({ code: "CONFLICT" });
    expect(world.handoff.signals).toEqual([]);
    expect((await world.ports.chats.get("chat-1"))?.state).toBe("queued");
  });

  it("answers CONFLICT when the offer is lost between the read and the commit, and wakes nobody", async () => {
    // Prepare
    const { world, caller, entry } = offeredWorld();
    world.table.hooks = {
      before: (commit) => {
        if (commit === 0) world.seedEntry({ ...entry, state: "waiting", offeredTo: undefined });
      },
    };

    // Act
    const accepted = acceptChat(world.ports, caller, frame);

    // Assess
    await expect(accepted).rejects.toMatchObject({ code: "CONFLICT" });
    expect(world.handoff.signals).toEqual([]);
    expect((await world.ports.chats.get("chat-1"))?.state).toBe("queued");
    expect(world.table.subscriptionsOf("chat-1").has(caller.connectionId)).toBe(false);
  });

  it("answers chatAssigned to a copy whose twin commits between its first read and its offer check", async () => {
    // Prepare: the copy's first read sees the chat queued; its twin then accepts before it goes on.
    const { world, caller } = offeredWorld();
    let twin: Promise<unknown> | undefined;
    const chats = world.ports.chats;
    const racingChats = Object.assign(Object.create(chats), {
      get: async (chatId: string) => {
        const read = await chats.get(chatId);
        twin ??= acceptChat(world.ports, caller, frame);
        await twin;
        return read;
      },
    });

    // Act
    const reply = await acceptChat({ ...world.ports, chats: racingChats }, caller, frame);

    // Assess
    expect(reply.type).toBe("chatAssigned");
    expect(await twin).toMatchObject({ type: "chatAssigned" });
    expect((await world.ports.chats.get("chat-1"))?.agentId).toBe("agent-1");
  });

  it("answers CONFLICT when another accept removes the entry between the chat's read and the entry's", async () => {
    // Prepare: the entry is gone by the time it is read; the chat read before still says queued.
    const { world, caller } = offeredWorld();
    const queues = world.ports.queues;
    const racingQueues = Object.assign(Object.create(queues), { get: async () => undefined });

    // Act
    const accepted = acceptChat({ ...world.ports, queues: racingQueues }, caller, frame);

    // Assess
    await expect(accepted).rejects.toMatchObject({ code: "CONFLICT" });
    expect(world.handoff.signals).toEqual([]);
  });

  it("answers NOT_FOUND when the chat is not waiting in a queue", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(agent);

    // Act
    const accepted = acceptChat(world.ports, caller, frame);

    // Assess
    await expect(accepted).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
