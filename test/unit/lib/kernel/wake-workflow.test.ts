import { describe, expect, it } from "vitest";
import { commitAndWake } from "../../../../functions/lib/kernel/wake-workflow.ts";
import { queuedChat, queueEntry } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

function parkedWorld() {
  const world = inMemoryWorld();
  const entry = queueEntry();
  world.seedEntry(entry);
  world.seedChat(queuedChat(entry, { waitToken: "wait-before", answerToken: "answer-before" }));
  const moveTokens = () => {
    const chat = world.table.chats.get("chat-1");
    if (chat)
      world.table.chats.set("chat-1", { ...chat, waitToken: "wait-after", answerToken: "answer-after" });
  };
  return { world, entry, moveTokens };
}

describe("commitAndWake", () => {
  it("commits, then signals the tokens it reads after the commit", async () => {
    // Prepare
    const { world, entry, moveTokens } = parkedWorld();
    world.table.hooks = { after: moveTokens };

    // Act
    const done = await commitAndWake(
      world.ports,
      "chat-1",
      [world.ports.queues.deleteItem(entry)],
      ["answerToken", "waitToken"],
      { outcome: "abandoned" },
    );

    // Assess
    expect(done).toBe(true);
    expect(await world.ports.queues.get(entry.queueId, entry.sk)).toBeUndefined();
    expect(world.handoff.signals).toEqual([
      { token: "answer-after", outcome: { outcome: "abandoned" } },
      { token: "wait-after", outcome: { outcome: "abandoned" } },
    ]);
  });

  it("signals nothing and writes nothing when a condition fails", async () => {
    // Prepare
    const { world, entry } = parkedWorld();
    const items = [
      world.ports.queues.putItem(queueEntry({ chatId: "chat-2" })),
      world.ports.queues.deleteItem(entry, "agent-9"),
    ];

    // Act
    const done = await commitAndWake(world.ports, "chat-1", items, ["waitToken"], { outcome: "abandoned" });

    // Assess
    expect(done).toBe(false);
    expect(world.handoff.signals).toEqual([]);
    expect((await world.ports.queues.list("general")).map((stored) => stored.chatId)).toEqual(["chat-1"]);
  });

  it("only wakes when there is nothing to commit", async () => {
    // Prepare
    const { world } = parkedWorld();

    // Act
    const done = await commitAndWake(world.ports, "chat-1", [], ["waitToken"], {
      outcome: "offered",
      agentId: "a-1",
    });

    // Assess
    expect(done).toBe(true);
    expect(world.table.transactions).toEqual([]);
    expect(world.handoff.signals).toEqual([
      { token: "wait-before", outcome: { outcome: "offered", agentId: "a-1" } },
    ]);
  });

  it("signals nothing for a chat without a parked workflow", async () => {
    // Prepare
    const world = inMemoryWorld();

    // Act
    const done = await commitAndWake(world.ports, "chat-404", [], ["waitToken", "answerToken"], {
      outcome: "abandoned",
    });

    // Assess
    expect(done).toBe(true);
    expect(world.handoff.signals).toEqual([]);
  });
});
