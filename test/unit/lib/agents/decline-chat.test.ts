import { describe, expect, it } from "vitest";
import { declineChat } from "../../../../functions/lib/agents/decline-chat.ts";
import type { ClientFrame } from "../../../../functions/lib/protocol/client-frames.ts";
import { agentRecord, queuedChat, queueEntry, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const agent = staff("agent-1");
const frame: ClientFrame<"declineChat"> = { action: "declineChat", requestId: "req-1", chatId: "chat-1" };

function offeredWorld(offeredTo = agent.sub) {
  const world = inMemoryWorld();
  const caller = world.connect(agent);
  const entry = queueEntry({ state: "offered", offeredTo, offerExpiresAt: "2026-11-25T14:02:00.000Z" });
  world.seedEntry(entry);
  world.seedAgent(agentRecord(agent, { activeChats: 1 }));
  world.seedChat(queuedChat(entry, { answerToken: "answer-1" }));
  return { world, caller, entry };
}

describe("declineChat", () => {
  it("gives the offer and the slot back, remembers the decline and wakes the workflow", async () => {
    // Prepare
    const { world, caller, entry } = offeredWorld();

    // Act
    const reply = await declineChat(world.ports, caller, frame);

    // Assess
    expect(reply).toEqual({
      type: "offerWithdrawn",
      requestId: "req-1",
      chatId: "chat-1",
      reason: "declined",
    });
    const stored = await world.ports.queues.get(entry.queueId, entry.sk);
    expect(stored?.state).toBe("waiting");
    expect(stored?.offeredTo).toBeUndefined();
    expect(stored?.declinedBy).toEqual(new Set(["agent-1"]));
    expect((await world.ports.agents.get(agent.sub))?.activeChats).toBe(0);
    expect(world.handoff.signals).toEqual([
      { token: "answer-1", outcome: { outcome: "declined", agentId: "agent-1" } },
    ]);
  });

  it("tries again when the agent's slot count moved under it, and still releases exactly one slot", async () => {
    // Prepare
    const { world, caller } = offeredWorld();
    world.table.hooks = {
      // Another chat of this agent ended meanwhile: the slots read are stale for the first commit.
      before: (commit) => {
        if (commit === 0) world.seedAgent(agentRecord(agent, { activeChats: 2 }));
      },
    };

    // Act
    await declineChat(world.ports, caller, frame);

    // Assess
    expect((await world.ports.agents.get(agent.sub))?.activeChats).toBe(1);
    expect(world.table.transactions.map((transaction) => transaction.committed)).toEqual([false, true]);
  });

  it("answers CONFLICT for an offer that is not this agent's, and changes nothing", async () => {
    // Prepare
    const { world, caller, entry } = offeredWorld("agent-2");

    // Act
    const declined = declineChat(world.ports, caller, frame);

    // Assess
    await expect(declined).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await world.ports.queues.get(entry.queueId, entry.sk))?.offeredTo).toBe("agent-2");
    expect(world.handoff.signals).toEqual([]);
  });

  it("answers CONFLICT when the offer expired between the read and the release", async () => {
    // Prepare
    const { world, caller, entry } = offeredWorld();
    world.table.hooks = {
      before: () => world.seedEntry({ ...entry, state: "waiting", offeredTo: undefined }),
    };

    // Act
    const declined = declineChat(world.ports, caller, frame);

    // Assess
    await expect(declined).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await world.ports.agents.get(agent.sub))?.activeChats).toBe(1);
    expect(world.handoff.signals).toEqual([]);
  });
});
