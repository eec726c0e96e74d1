import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChatClient, Frame } from "./support/chat-client.ts";
import { available, connectAgent, customerChat, offerFor } from "./support/handoff-stack.ts";
import type { LocalProcess } from "./support/local-process.ts";
import { patiently, startShippedStack, warmUp } from "./support/shipped-stack.ts";

/**
 * Contract v2's routing rules and requested teams on the running local stack, with the shipped routing
 * configuration: a supervisor queue is offered to supervisors only; a handed-off chat never goes back to
 * whoever handed it off; a customer asking the assistant for a supervisor or a team is queued there.
 */
let stack: LocalProcess;
const open: ChatClient[] = [];
/** This test's staff and chats: signed out and ended after it, whatever happened, so no test sees another's. */
const signedIn: ChatClient[] = [];
const chats: { client: ChatClient; chatId: string }[] = [];

beforeAll(async () => {
  stack = await startShippedStack();
  await warmUp(stack);
}, 240_000);

afterEach(async () => {
  await Promise.allSettled(signedIn.splice(0).map((client) => available(client, "offline")));
  await Promise.allSettled(
    chats.splice(0).map(({ client, chatId }) => client.request({ action: "endChat", chatId }, "chatEnding")),
  );
});

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await stack?.stop();
});

async function staff(options: Parameters<typeof connectAgent>[1]) {
  const connected = await patiently(() => connectAgent(stack, options));
  open.push(connected.client);
  signedIn.push(connected.client);
  return connected;
}

async function customer(claims: Record<string, unknown> = {}, text?: string) {
  const chat = await patiently(() => customerChat(stack, claims, text));
  open.push(chat.client);
  chats.push(chat);
  return chat;
}

const offersOf = (client: ChatClient, chatId: string) => client.frames.filter(offerFor(chatId)).length;

/** A US consumer's chat, queued and accepted by `holder` (the only one available at that moment). */
async function heldBy(holder: ChatClient) {
  const chat = await customer({}, "I have a question about my bill");
  await chat.client.request({ action: "requestAgent", chatId: chat.chatId }, "queued");
  await holder.next(offerFor(chat.chatId), 30_000);
  const assigned = await holder.request({ action: "acceptChat", chatId: chat.chatId }, "chatAssigned");
  expect(assigned).toMatchObject({ type: "chatAssigned", chatId: chat.chatId });
  await chat.client.nextOfType("agentJoined", 30_000);
  return chat;
}

describe("escalation and transfer rules", () => {
  it("offers an escalation to the supervisor only, never to a * agent or the escalating one", async () => {
    // Prepare
    const escalating = await staff({ queues: ["*"] });
    const other = await staff({ queues: ["*"] });
    const supervisor = await staff({ queues: ["supervisors"], role: "supervisor" });
    await available(escalating.client);
    const { client, chatId } = await heldBy(escalating.client);
    await Promise.all([available(other.client), available(supervisor.client)]);

    // Act
    await escalating.client.request(
      { action: "escalateChat", chatId, reason: "Customer wants a supervisor" },
      "transferStarted",
    );
    const offer = await supervisor.client.next(offerFor(chatId), 30_000);
    await supervisor.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    const joined = await client.next((frame) => frame.type === "agentJoined" && frame.chatId === chatId);

    // Assess
    expect(offer).toMatchObject({ queueId: "supervisors", context: { reason: "escalation" } });
    expect(offersOf(other.client, chatId)).toBe(0);
    expect(offersOf(escalating.client, chatId)).toBe(1);
    expect(joined).toMatchObject({ agent: { id: supervisor.id } });
  });

  it("never offers a transferred chat back to the transferring agent, even when nobody else is there", async () => {
    // Prepare
    const transferring = await staff({ queues: ["*"] });
    const later = await staff({ queues: ["*"] });
    await available(transferring.client);
    const { client, chatId } = await heldBy(transferring.client);

    // Act
    await transferring.client.request(
      { action: "transferChat", chatId, queueId: "us-consumer-en", note: "Back to general" },
      "transferStarted",
    );
    // `queued` comes after the dispatch that would have offered it back to the only available agent.
    const queued = await client.next((frame) => frame.type === "queued" && frame.chatId === chatId);
    await available(later.client);
    const offer = await later.client.next(offerFor(chatId), 30_000);

    // Assess
    expect(queued).toMatchObject({ queueId: "us-consumer-en" });
    expect(offer).toMatchObject({ context: { transferredFrom: transferring.id } });
    expect(offersOf(transferring.client, chatId)).toBe(1);
  });

  it("never offers an escalation back to the supervisor who escalated it; another supervisor takes it", async () => {
    // Prepare
    const first = await staff({ queues: ["*"], role: "supervisor" });
    const second = await staff({ queues: ["supervisors"], role: "supervisor" });
    await available(first.client);
    const { client, chatId } = await heldBy(first.client);

    // Act
    await first.client.request(
      { action: "escalateChat", chatId, reason: "Second opinion" },
      "transferStarted",
    );
    await client.next((frame) => frame.type === "queued" && frame.chatId === chatId);
    await available(second.client);
    const offer = await second.client.next(offerFor(chatId), 30_000);

    // Assess
    expect(offer).toMatchObject({ queueId: "supervisors" });
    expect(offersOf(first.client, chatId)).toBe(1);
  });
});

const english = { country: "US", locale: "en-US", segment: "consumer" };
const spanish = { country: "US", locale: "es-US", segment: "consumer" };

describe("a customer asking the assistant for a supervisor or a team", () => {
  it.each<[Record<string, string>, string, string]>([
    [english, "I want to speak to a supervisor", "supervisors"],
    [english, "This isn't working, I want your manager", "supervisors"],
    [spanish, "Quiero hablar con un supervisor, por favor", "supervisors"],
    [english, "Please transfer me to the disputes team", "us-disputes-en"],
    [english, "Can I talk to someone in credit?", "us-credit-en"],
    [english, "Connect me to the rewards department please", "us-rewards-en"],
    [english, "I need the travel desk", "us-travel-en"],
    [spanish, "Páseme con el equipo de disputas", "us-disputes-es"],
    [spanish, "Quiero hablar con alguien de crédito", "us-credit-es"],
    [spanish, "Comuníqueme con el departamento de recompensas", "us-rewards-es"],
    [spanish, "Necesito hablar con el equipo de viajes", "us-travel-es"],
    [english, "I'm a merchant and we accept Amex, I need merchant support", "us-merchant"],
  ])("%o writing %j is queued in %s", async (claims, text, queueId) => {
    // Prepare
    const { client, chatId } = await customer(claims);

    // Act
    await client.request({ action: "sendMessage", chatId, clientMessageId: "ask", text }, "ack");
    const queued = await client.next((frame) => frame.type === "queued" && frame.chatId === chatId);

    // Assess
    expect(queued).toMatchObject({ chatId, queueId });
  });

  it("routes a traveller who needs funds now to the travel desk once they accept an agent", async () => {
    // Prepare
    const { client, chatId } = await customer(english);
    await client.request(
      {
        action: "sendMessage",
        chatId,
        clientMessageId: "t1",
        text: "I'm abroad on vacation and need emergency cash",
      },
      "ack",
    );

    // Act
    await client.request({ action: "sendMessage", chatId, clientMessageId: "t2", text: "yes please" }, "ack");
    const queued = await client.next((frame) => frame.type === "queued" && frame.chatId === chatId);

    // Assess
    const told = client.messages(chatId).map((message: Frame) => String(message.text));
    expect(told.some((text) => text.includes("1-800-528-4800"))).toBe(true);
    expect(queued).toMatchObject({ queueId: "us-travel-en" });
  });

  it("takes the asked-for team once: a later plain request after leaving goes by topic", async () => {
    // Prepare
    const { client, chatId } = await customer(english);
    await client.request(
      { action: "sendMessage", chatId, clientMessageId: "s1", text: "Let me speak to a supervisor" },
      "ack",
    );
    await client.next((frame) => frame.type === "queued" && frame.queueId === "supervisors");

    // Act
    await client.request({ action: "leaveQueue", chatId }, "leftQueue");
    const again = await client.request({ action: "requestAgent", chatId }, "queued");

    // Assess
    expect(again).toMatchObject({ queueId: "us-consumer-en" });
  });
});
