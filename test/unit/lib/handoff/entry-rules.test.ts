import { describe, expect, it } from "vitest";
import { enqueue } from "../../../../functions/lib/handoff/enqueue.ts";
import { entryRules, routeHandoff } from "../../../../functions/lib/handoff/entry-rules.ts";
import { agentRecord, assignedChat, chatRecord, customer, staff } from "../../support/fixtures.ts";
import { inMemoryWorld, testRouting } from "../../support/in-memory-ports.ts";

const deps = { routing: testRouting };
const queueOf = (id: string) => {
  const queue = testRouting.queues.find((candidate) => candidate.id === id);
  if (!queue) throw new Error(`no queue ${id}`);
  return queue;
};

describe("routeHandoff", () => {
  it("routes a customer's own request to the team they asked the assistant for", () => {
    // Prepare
    const chat = chatRecord({ assistant: { ...chatRecord().assistant, requestedTeam: "supervisor" } });

    // Act
    const decision = routeHandoff(deps, chat, { chatId: chat.chatId, reason: "request" });

    // Assess
    expect(decision.queueId).toBe("supervisors");
  });

  it("does not let a team asked for earlier steer an agent's transfer", () => {
    // Prepare
    const chat = chatRecord({ assistant: { ...chatRecord().assistant, requestedTeam: "supervisor" } });

    // Act
    const decision = routeHandoff(deps, chat, { chatId: chat.chatId, reason: "transfer", fromAgentId: "a" });

    // Assess
    expect(decision.queueId).toBe("general");
  });
});

describe("entryRules", () => {
  const now = "2026-11-25T14:10:00.000Z";

  it("marks a supervisor queue's entry for supervisors only and records who handed the chat off", () => {
    // Prepare
    const chat = chatRecord({ handedOffBy: ["agent-0"] });

    // Act
    const rules = entryRules(
      deps,
      chat,
      { chatId: "chat-1", fromAgentId: "agent-1" },
      queueOf("supervisors"),
      now,
    );

    // Assess
    expect(rules).toEqual({ supervisorsOnly: true, handedOffBy: ["agent-0", "agent-1"] });
  });

  it("sets a fraud chat's reminder the configured time after it was queued, unless it was reminded before", () => {
    // Prepare
    const fraud = chatRecord({ assistant: { ...chatRecord().assistant, topic: "fraud" } });
    const reminded = chatRecord({ ...fraud, fraudRemindedAt: "2026-11-25T14:05:00.000Z" });

    // Act
    const first = entryRules(deps, fraud, { chatId: "chat-1" }, queueOf("general"), now);
    const later = entryRules(deps, reminded, { chatId: "chat-1" }, queueOf("general"), now);
    const off = entryRules(
      { routing: { ...testRouting, fraudReminderSeconds: 0 } },
      fraud,
      { chatId: "chat-1" },
      queueOf("general"),
      now,
    );

    // Assess
    expect(testRouting.fraudReminderSeconds).toBe(120);
    expect(first).toEqual({ remindAt: "2026-11-25T14:12:00.000Z" });
    expect(later).toEqual({});
    expect(off).toEqual({});
  });
});

describe("enqueue of an escalation", () => {
  it("offers it to the supervisor only: not to another * agent, not to the escalating one", async () => {
    // Prepare
    const world = inMemoryWorld();
    const escalating = staff("agent-1");
    const other = staff("agent-2");
    const supervisor = staff("super-1", { role: "supervisor", queues: ["supervisors"] });
    for (const identity of [escalating, other, supervisor]) {
      world.connect(identity);
      world.seedAgent(agentRecord(identity, { activeChats: identity === escalating ? 1 : 0 }));
    }
    world.connect(customer);
    world.seedChat(assignedChat(escalating, { handoffs: 1 }));

    // Act
    const result = await enqueue(world.ports, {
      chatId: "chat-1",
      reason: "escalation",
      targetQueueId: "supervisors",
      fromAgentId: escalating.sub,
      handoff: 1,
    });

    // Assess
    const offered = (user: string) =>
      world.sender.toUser(user).filter((frame) => frame.type === "chatOffered");
    expect(result).toMatchObject({ status: "queued", queueId: "supervisors" });
    expect(offered("super-1")).toHaveLength(1);
    expect([...offered("agent-1"), ...offered("agent-2")]).toEqual([]);
    expect((await world.ports.chats.get("chat-1"))?.handedOffBy).toEqual(["agent-1"]);
    expect(world.sender.toUser(customer.sub)).toContainEqual(
      expect.objectContaining({ type: "agentJoining", chatId: "chat-1", queueId: "supervisors" }),
    );
  });
});
