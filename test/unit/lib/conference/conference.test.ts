import { describe, expect, it } from "vitest";
import { acceptChat } from "../../../../functions/lib/agents/accept-chat.ts";
import { releaseAgents } from "../../../../functions/lib/chat/closure-tasks.ts";
import { expireInvite } from "../../../../functions/lib/conference/invite-steps.ts";
import { inviteToChat } from "../../../../functions/lib/conference/invite-to-chat.ts";
import { LAST_AGENT, leaveChat } from "../../../../functions/lib/conference/leave-chat.ts";
import { offerInvite } from "../../../../functions/lib/conference/offer-invite.ts";
import { agentRecord, assignedChat, customer, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const holder = staff("holder-1", { name: "Sam" });
const specialist = staff("specialist-1", { name: "Riley", queues: ["billing"] });
const spanishOnly = staff("specialist-es", { queues: ["billing"], languages: ["es"] });

/** A chat held by `holder`, with a billing specialist and a Spanish-only one signed in. */
function heldWorld() {
  const world = inMemoryWorld();
  const holderCaller = world.connect(holder);
  const specialistCaller = world.connect(specialist);
  const customerCaller = world.connect(customer);
  world.connect(spanishOnly);
  world.seedAgent(agentRecord(holder, { activeChats: 1 }));
  world.seedAgent(agentRecord(specialist));
  world.seedAgent(agentRecord(spanishOnly, { idleSince: "2026-11-25T12:00:00.000Z" }));
  world.seedChat(assignedChat(holder), [customerCaller, holderCaller]);
  return { world, holderCaller, specialistCaller, customerCaller };
}

const invite = {
  action: "inviteToChat",
  chatId: "chat-1",
  queueId: "billing",
  reason: "Billing question",
} as const;

async function conference() {
  const setup = heldWorld();
  const sent = await inviteToChat(setup.world.ports, setup.holderCaller, invite);
  await offerInvite(setup.world.ports, { chatId: "chat-1", inviteId: sent.inviteId });
  await acceptChat(setup.world.ports, setup.specialistCaller, { action: "acceptChat", chatId: "chat-1" });
  return { ...setup, sent };
}

describe("inviteToChat and its offer", () => {
  it("records the invitation, starts its execution and offers it to the eligible agent only", async () => {
    // Prepare
    const { world, holderCaller } = heldWorld();

    // Act
    const sent = await inviteToChat(world.ports, holderCaller, invite);
    const status = await offerInvite(world.ports, { chatId: "chat-1", inviteId: sent.inviteId });

    // Assess
    expect(world.handoff.executions.map((execution) => execution.name)).toEqual([`invite-${sent.inviteId}`]);
    expect(status).toMatchObject({ status: "inviteOffered" });
    expect(world.table.chats.get("chat-1")?.invite).toMatchObject({ offeredTo: specialist.sub, offers: 1 });
    expect(world.table.agents.get(specialist.sub)?.activeChats).toBe(1);
    expect(world.sender.toUser(specialist.sub)).toEqual([
      expect.objectContaining({ type: "chatOffered", kind: "conference", reason: "Billing question" }),
    ]);
    expect(world.sender.toUser(spanishOnly.sub)).toEqual([]);
  });

  it("refuses the customer, a stranger, and a second invitation while one is pending", async () => {
    // Prepare
    const { world, holderCaller, specialistCaller, customerCaller } = heldWorld();
    await inviteToChat(world.ports, holderCaller, invite);

    // Act
    const results = await Promise.allSettled([
      inviteToChat(world.ports, customerCaller, invite),
      inviteToChat(world.ports, specialistCaller, invite),
      inviteToChat(world.ports, holderCaller, invite),
    ]);

    // Assess
    expect(results.map((result) => result.status === "rejected" && result.reason.code)).toEqual([
      "FORBIDDEN",
      "NOT_FOUND",
      "CONFLICT",
    ]);
  });

  it("gives the slot back when the offer expires and ends the invitation when nobody else is eligible", async () => {
    // Prepare
    const { world, holderCaller } = heldWorld();
    const sent = await inviteToChat(world.ports, holderCaller, invite);
    const ref = { chatId: "chat-1", inviteId: sent.inviteId };
    await offerInvite(world.ports, ref);

    // Act
    const status = await expireInvite(world.ports, ref);

    // Assess
    expect(status).toEqual({ status: "inviteEnded" });
    expect(world.table.agents.get(specialist.sub)?.activeChats).toBe(0);
    expect(world.table.chats.get("chat-1")?.invite).toBeUndefined();
    expect(world.sender.toUser(holder.sub)).toContainEqual(
      expect.objectContaining({ type: "inviteEnded", outcome: "notAccepted" }),
    );
  });
});

describe("accepting, leaving and closing", () => {
  it("seats the invitee and tells everyone who joined", async () => {
    // Act
    const { world } = await conference();

    // Assess
    const chat = world.table.chats.get("chat-1");
    expect(chat?.participants[specialist.sub]?.conference).toMatchObject({ queueId: "billing" });
    expect(chat?.invite).toBeUndefined();
    expect(world.sender.toUser(customer.sub)).toContainEqual(
      expect.objectContaining({
        type: "participantJoined",
        participant: { role: "agent", id: specialist.sub, name: "Riley" },
      }),
    );
    expect(world.sender.toUser(customer.sub)).toContainEqual(
      expect.objectContaining({
        type: "message",
        text: expect.stringContaining("Riley, a specialist from our"),
      }),
    );
  });

  it("hands the chat to the invitee when the holder leaves, and keeps the last agent in", async () => {
    // Prepare
    const { world, holderCaller, specialistCaller } = await conference();

    // Act
    await leaveChat(world.ports, holderCaller, { action: "leaveChat", chatId: "chat-1" });
    const last = leaveChat(world.ports, specialistCaller, { action: "leaveChat", chatId: "chat-1" });

    // Assess
    await expect(last).rejects.toMatchObject({ code: "CONFLICT", message: LAST_AGENT });
    const chat = world.table.chats.get("chat-1");
    expect(chat?.agentId).toBe(specialist.sub);
    expect(chat?.participants[holder.sub]).toBeUndefined();
    expect(chat?.participants[specialist.sub]?.conference).toBeUndefined();
    expect(world.table.agents.get(holder.sub)?.activeChats).toBe(0);
    expect(world.table.agents.get(specialist.sub)?.activeChats).toBe(1);
    expect(world.sender.toUser(specialist.sub)).toContainEqual(
      expect.objectContaining({ type: "holderChanged" }),
    );
  });

  it("gives every seated invitee's slot back once when the chat ends, however often it runs", async () => {
    // Prepare
    const { world } = await conference();
    const chat = world.table.chats.get("chat-1");
    if (chat) world.table.chats.set("chat-1", { ...chat, state: "ended" });

    // Act
    await releaseAgents(world.ports, { chatId: "chat-1" });
    await releaseAgents(world.ports, { chatId: "chat-1" });

    // Assess
    expect(world.table.agents.get(specialist.sub)?.activeChats).toBe(0);
    expect(world.table.agents.get(holder.sub)?.activeChats).toBe(0);
  });
});
