import { describe, expect, it } from "vitest";
import { setPresence } from "../../../../functions/lib/agents/set-presence.ts";
import type { ClientFrame } from "../../../../functions/lib/protocol/client-frames.ts";
import { agentRecord, customer, queuedChat, queueEntry, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const agent = staff("agent-1", { maxChats: 2 });
const frame = (status: "available" | "away" | "offline"): ClientFrame<"setPresence"> => ({
  action: "setPresence",
  requestId: "req-1",
  status,
});

function waitingWorld() {
  const world = inMemoryWorld();
  const caller = world.connect(agent);
  const entry = queueEntry();
  world.seedEntry(entry);
  world.seedChat(queuedChat(entry, { waitToken: "wait-1" }));
  return { world, caller, entry };
}

describe("setPresence", () => {
  it("signs an agent in, replies first, then offers the waiting chat and wakes its workflow", async () => {
    // Prepare
    const { world, caller, entry } = waitingWorld();

    // Act
    const reply = await setPresence(world.ports, caller, frame("available"));

    // Assess
    expect(reply).toBeUndefined();
    expect(world.sender.toConnection(caller.connectionId).map((sent) => sent.type)).toEqual([
      "presence",
      "chatOffered",
    ]);
    expect(world.sender.toConnection(caller.connectionId)[0]).toEqual({
      type: "presence",
      requestId: "req-1",
      status: "available",
      activeChats: 0,
      maxChats: 2,
    });
    expect(await world.ports.queues.get(entry.queueId, entry.sk)).toMatchObject({
      state: "offered",
      offeredTo: "agent-1",
    });
    expect((await world.ports.agents.get(agent.sub))?.activeChats).toBe(1);
    expect(world.handoff.signals).toEqual([
      { token: "wait-1", outcome: { outcome: "offered", agentId: "agent-1" } },
    ]);
  });

  it("answers an agent stepping away with the presence frame and offers nothing", async () => {
    // Prepare
    const { world, caller, entry } = waitingWorld();
    world.seedAgent(agentRecord(agent, { activeChats: 1 }));

    // Act
    const reply = await setPresence(world.ports, caller, frame("away"));

    // Assess
    expect(reply).toEqual({
      type: "presence",
      requestId: "req-1",
      status: "away",
      activeChats: 1,
      maxChats: 2,
    });
    expect((await world.ports.queues.get(entry.queueId, entry.sk))?.state).toBe("waiting");
    expect(world.sender.sent).toEqual([]);
  });

  it("keeps the chats an agent already holds when they come back", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(agent);
    world.seedAgent(agentRecord(agent, { status: "away", activeChats: 2 }));

    // Act
    await setPresence(world.ports, caller, frame("available"));

    // Assess
    expect(await world.ports.agents.get(agent.sub)).toMatchObject({ status: "available", activeChats: 2 });
    expect(world.sender.toConnection(caller.connectionId)).toMatchObject([
      { type: "presence", activeChats: 2 },
    ]);
  });

  it("is for staff only", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);

    // Act
    const set = setPresence(world.ports, caller, frame("available"));

    // Assess
    await expect(set).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(world.table.agents.size).toBe(0);
  });
});
