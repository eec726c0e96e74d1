import { describe, expect, it } from "vitest";
import { sendMessage } from "../../../../functions/lib/chat/send-message.ts";
import type { ClientFrame } from "../../../../functions/lib/protocol/client-frames.ts";
import { assignedChat, chatRecord, customer, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const agent = staff("agent-1");
const frame = (clientMessageId: string, text = "Hello there"): ClientFrame<"sendMessage"> => ({
  action: "sendMessage",
  requestId: `req-${clientMessageId}`,
  chatId: "chat-1",
  clientMessageId,
  text,
});

/** An assigned chat (no assistant turn), the customer and the agent both subscribed. */
function assignedWorld() {
  const world = inMemoryWorld();
  const customerCaller = world.connect(customer);
  const agentCaller = world.connect(agent);
  world.seedChat(assignedChat(agent), [customerCaller, agentCaller]);
  return { world, customerCaller, agentCaller };
}

describe("sendMessage", () => {
  it("stores the message under the next seq, delivers it to every subscriber, then acks", async () => {
    // Prepare
    const { world, customerCaller, agentCaller } = assignedWorld();

    // Act
    const ack = await sendMessage(world.ports, customerCaller, frame("m-1"));

    // Assess
    expect(ack).toEqual({
      type: "ack",
      requestId: "req-m-1",
      chatId: "chat-1",
      clientMessageId: "m-1",
      seq: 2,
      redacted: false,
      duplicate: false,
    });
    expect(await world.ports.chats.listAllMessages("chat-1")).toMatchObject([
      { seq: 2, text: "Hello there" },
    ]);
    expect((await world.ports.chats.get("chat-1"))?.lastSeq).toBe(2);
    expect(world.sender.toConnection(agentCaller.connectionId)).toMatchObject([{ type: "message", seq: 2 }]);
    expect(world.sender.toConnection(customerCaller.connectionId)).toMatchObject([
      { type: "message", seq: 2 },
    ]);
  });

  it("acks a repeated clientMessageId with the same seq and stores no second message", async () => {
    // Prepare
    const { world, customerCaller, agentCaller } = assignedWorld();
    const first = await sendMessage(world.ports, customerCaller, frame("m-1"));

    // Act
    const again = await sendMessage(world.ports, customerCaller, frame("m-1"));

    // Assess
    expect(again).toMatchObject({ seq: first.seq, duplicate: true });
    expect(await world.ports.chats.listAllMessages("chat-1")).toHaveLength(1);
    expect(world.sender.toConnection(agentCaller.connectionId)).toHaveLength(1);
  });

  it("stores one message when the same clientMessageId races itself", async () => {
    // Prepare
    const { world, customerCaller } = assignedWorld();

    // Act
    const acks = await Promise.all([
      sendMessage(world.ports, customerCaller, frame("m-1")),
      sendMessage(world.ports, customerCaller, frame("m-1")),
    ]);

    // Assess
    expect(acks.map((ack) => ack.seq)).toEqual([2, 2]);
    expect(acks.map((ack) => ack.duplicate).sort()).toEqual([false, true]);
    expect(await world.ports.chats.listAllMessages("chat-1")).toHaveLength(1);
  });

  it("takes the next free seq when another message landed after its read", async () => {
    // Prepare
    const { world, customerCaller } = assignedWorld();
    world.table.hooks = {
      // The agent's message lands between this sender's read and its reservation.
      before: (commit) => {
        if (commit === 0) world.seedChat({ ...assignedChat(agent), lastSeq: 2 });
      },
    };

    // Act
    const ack = await sendMessage(world.ports, customerCaller, frame("m-1"));

    // Assess
    expect(ack).toMatchObject({ seq: 3, duplicate: false });
    // The counter moved on: the reservation takes the next seq without a retry (reserve, write).
    expect(world.table.transactions.map((transaction) => transaction.committed)).toEqual([true, true]);
    expect(await world.ports.chats.listAllMessages("chat-1")).toMatchObject([
      { seq: 3, text: "Hello there" },
    ]);
  });

  it("gives racing senders gapless seqs", async () => {
    // Prepare
    const { world, customerCaller, agentCaller } = assignedWorld();

    // Act
    const acks = await Promise.all([
      sendMessage(world.ports, customerCaller, frame("c-1", "from the customer")),
      sendMessage(world.ports, agentCaller, frame("a-1", "from the agent")),
    ]);

    // Assess
    expect(acks.map((ack) => ack.seq).sort()).toEqual([2, 3]);
    expect((await world.ports.chats.listAllMessages("chat-1")).map((message) => message.seq)).toEqual([2, 3]);
  });

  it("sends no ack and stores nothing when the chat has ended", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);
    world.seedChat(chatRecord({ state: "ended" }), [caller]);

    // Act
    const sent = sendMessage(world.ports, caller, frame("m-1"));

    // Assess
    await expect(sent).rejects.toMatchObject({ code: "CHAT_CLOSED" });
    expect(await world.ports.chats.listAllMessages("chat-1")).toEqual([]);
    expect(world.sender.sent).toEqual([]);
  });

  it("never acks a message whose commit did not happen: the chat ended between the read and the write", async () => {
    // Prepare
    const { world, customerCaller } = assignedWorld();
    world.table.hooks = {
      before: (commit) => {
        if (commit === 0) world.seedChat(assignedChat(agent, { state: "ended" }));
      },
    };

    // Act
    const sent = sendMessage(world.ports, customerCaller, frame("m-1"));

    // Assess
    await expect(sent).rejects.toMatchObject({ code: "CHAT_CLOSED" });
    // The reservation was refused, so no seq was taken and nothing written.
    expect(world.table.transactions).toEqual([{ items: 1, committed: false }]);
    expect(await world.ports.chats.listAllMessages("chat-1")).toEqual([]);
    expect(world.sender.sent).toEqual([]);
  });

  it("masks a card number before it is stored or delivered, and says so in the ack", async () => {
    // Prepare
    const { world, customerCaller, agentCaller } = assignedWorld();

    // Act
    const ack = await sendMessage(
      world.ports,
      customerCaller,
      frame("m-1", "my card is 4111 1111 1111 1111"),
    );

    // Assess
    expect(ack.redacted).toBe(true);
    const delivered = JSON.stringify(world.sender.toConnection(agentCaller.connectionId));
    const stored = JSON.stringify(await world.ports.chats.listAllMessages("chat-1"));
    for (const text of [delivered, stored]) expect(text).not.toContain("4111 1111 1111 1111");
  });

  it("stores the assistant's answer with the customer's message and starts a handoff it asks for", async () => {
    // Prepare
    const world = inMemoryWorld();
    const caller = world.connect(customer);
    world.seedChat(chatRecord(), [caller]);
    world.assistant.nextReply = { messages: ["Connecting you."], wantsAgent: true, urgentFraud: false };

    // Act
    const ack = await sendMessage(world.ports, caller, frame("m-1", "a person please"));

    // Assess
    expect(ack.seq).toBe(2);
    const messages = await world.ports.chats.listAllMessages("chat-1");
    expect(messages.map((message) => [message.seq, message.from.role])).toEqual([
      [2, "customer"],
      [3, "assistant"],
    ]);
    expect((await world.ports.chats.get("chat-1"))?.assistant.turns).toBe(2);
    // The reservation (with the assistant's memory), the write, the handoff's own commit.
    expect(world.table.transactions.filter((transaction) => transaction.committed)).toHaveLength(3);
    expect(world.handoff.executions.map((execution) => execution.name)).toEqual(["handoff-chat-1-1"]);
  });

  it("subscribes a sender's new connection in the same transaction", async () => {
    // Prepare
    const { world } = assignedWorld();
    const secondDevice = world.connect(customer, "conn-customer-phone");

    // Act
    await sendMessage(world.ports, secondDevice, frame("m-1"));

    // Assess
    expect(world.table.subscriptionsOf("chat-1").has("conn-customer-phone")).toBe(true);
    expect(world.table.connections.get("conn-customer-phone")?.chats).toEqual(new Set(["chat-1"]));
    expect(world.sender.toConnection("conn-customer-phone")).toMatchObject([{ type: "message", seq: 2 }]);
  });
});
