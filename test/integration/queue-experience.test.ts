import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ChatClient, customerClaims, devToken, type Frame } from "./support/chat-client.ts";
import { available, connectAgent, customerChat, offerFor } from "./support/handoff-stack.ts";
import type { LocalProcess } from "./support/local-process.ts";
import { patiently, startShippedStack, warmUp } from "./support/shipped-stack.ts";

/**
 * The customer's time in a queue on the running local stack (shipped routing, short timers): leaving the
 * queue, the assistant answering meanwhile, hearing that an agent is about to join, the fraud reminder.
 */
let stack: LocalProcess;
const open: ChatClient[] = [];
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

async function customer(text: string, claims: Record<string, unknown> = {}) {
  const chat = await patiently(() => customerChat(stack, claims, text));
  open.push(chat.client);
  chats.push(chat);
  return chat;
}

const fromAssistantAfter = (chatId: string, seq: number) => (frame: Frame) =>
  frame.type === "message" &&
  frame.chatId === chatId &&
  Number(frame.seq) > seq &&
  (frame.from as { role?: string }).role === "assistant";

describe("leaveQueue", () => {
  it("withdraws the pending offer, gives the chat back to the assistant, and lets the customer ask again", async () => {
    // Prepare
    const agent = await staff({ queues: ["us-consumer-en"], maxChats: 1 });
    await available(agent.client);
    const { client, chatId } = await customer("I have a question about my bill");
    await client.request({ action: "requestAgent", chatId }, "queued");
    await agent.client.next(offerFor(chatId), 30_000);
    const joining = await client.next((frame) => frame.type === "agentJoining" && frame.chatId === chatId);

    // Act
    const left = await client.request({ action: "leaveQueue", chatId }, "leftQueue");
    const notice = await client.next(
      (frame) => frame.type === "message" && String(frame.text).startsWith("You've left the queue"),
    );
    const withdrawn = await agent.client.next(
      (frame) => frame.type === "offerWithdrawn" && frame.chatId === chatId,
    );
    const lateAccept = await agent.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    const again = await client.request({ action: "leaveQueue", chatId }, "leftQueue");
    const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");
    const presence = await available(agent.client);
    const asked = await client.request(
      {
        action: "sendMessage",
        chatId,
        clientMessageId: "after",
        text: "Do you ever ask for my full card number?",
      },
      "ack",
    );
    const answer = await client.next(fromAssistantAfter(chatId, Number(asked.seq)));
    const queuedAgain = await client.request({ action: "requestAgent", chatId }, "queued");
    const offeredAgain = await agent.client.next(offerFor(chatId), 30_000);

    // Assess
    expect(joining).toMatchObject({ queueId: "us-consumer-en", text: "An agent is about to join the chat." });
    expect(left).toEqual({ type: "leftQueue", requestId: left.requestId, chatId });
    expect(withdrawn).toMatchObject({ reason: "abandoned" });
    expect(lateAccept).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(again).toMatchObject({ type: "leftQueue", chatId });
    expect(transcript.state).toBe("assistant");
    expect(notice).toMatchObject({ chatId, from: { role: "assistant" } });
    expect(presence).toMatchObject({ activeChats: 0 });
    expect(answer.text).toEqual(expect.any(String));
    expect(queuedAgain).toMatchObject({ queueId: "us-consumer-en" });
    expect(offeredAgain).toMatchObject({ chatId });
  });

  it("offers a chat that left to no agent afterwards: the next waiting chat is offered instead", async () => {
    // Prepare
    const first = await customer("I'd like a credit limit increase");
    await first.client.request({ action: "requestAgent", chatId: first.chatId }, "queued");
    await first.client.request({ action: "leaveQueue", chatId: first.chatId }, "leftQueue");
    const second = await customer("Can I get a credit limit increase?");
    await second.client.request({ action: "requestAgent", chatId: second.chatId }, "queued");
    const agent = await staff({ queues: ["us-credit-en"], maxChats: 1 });

    // Act
    await available(agent.client);
    const offer = await agent.client.next((frame) => frame.type === "chatOffered");

    // Assess
    expect(offer).toMatchObject({ chatId: second.chatId, queueId: "us-credit-en" });
    expect(agent.client.frames.some(offerFor(first.chatId))).toBe(false);
  });

  it("answers a chat that is not queued with CONFLICT, and others with NOT_FOUND or FORBIDDEN", async () => {
    // Prepare
    const { client, chatId } = await customer("hello");
    const stranger = await customer("hi");
    const agent = await staff({ queues: ["us-consumer-en"] });
    const ended = await customer("hello again");
    await ended.client.request({ action: "endChat", chatId: ended.chatId }, "chatEnding");
    await ended.client.next((frame) => frame.type === "chatEnded", 20_000);

    // Act
    const notQueued = await client.request({ action: "leaveQueue", chatId }, "leftQueue");
    const notTheirs = await stranger.client.request({ action: "leaveQueue", chatId }, "leftQueue");
    const byStaff = await agent.client.request({ action: "leaveQueue", chatId }, "leftQueue");
    const unknown = await client.request({ action: "leaveQueue", chatId: "no-such-chat" }, "leftQueue");
    const closed = await ended.client.request({ action: "leaveQueue", chatId: ended.chatId }, "leftQueue");
    const malformed = await client.request({ action: "leaveQueue" }, "leftQueue");

    // Assess
    expect(notQueued).toMatchObject({ type: "error", code: "CONFLICT" });
    expect(notTheirs).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(byStaff).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(unknown).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(closed).toMatchObject({ type: "error", code: "CHAT_CLOSED" });
    expect(malformed).toMatchObject({ type: "error", code: "BAD_REQUEST" });
  });
});

describe("while queued", () => {
  it("keeps the assistant answering, in the queue, without a second handoff", async () => {
    // Prepare
    const { client, chatId } = await customer("I have a question about my Membership Rewards points");
    const queued = await client.request({ action: "requestAgent", chatId }, "queued");

    // Act
    const faq = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "q1", text: "Is this chat an AI?" },
      "ack",
    );
    const faqAnswer = await client.next(fromAssistantAfter(chatId, Number(faq.seq)));
    const ask = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "q2", text: "I want to talk to a live agent" },
      "ack",
    );
    const still = await client.next(fromAssistantAfter(chatId, Number(ask.seq)));
    const agent = await staff({ queues: ["us-rewards-en"] });
    await available(agent.client);
    const offer = await agent.client.next(offerFor(chatId), 30_000);
    const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    expect(queued).toMatchObject({ queueId: "us-rewards-en" });
    expect(faqAnswer.text).toEqual(expect.any(String));
    expect(String(still.text)).toContain("already in the queue");
    expect(offer).toMatchObject({ queueId: "us-rewards-en" });
    expect(transcript.state).toBe("queued");
    expect(client.frames.filter((frame) => frame.type === "queued" && frame.chatId === chatId)).toHaveLength(
      1,
    );
  });

  it("reminds a waiting fraud chat once to call the country's number", async () => {
    // Prepare
    const { client, chatId } = await customer(
      "There are charges happening right now that I don't recognize!",
    );

    // Act
    const queued = await client.request({ action: "requestAgent", chatId }, "queued");
    const reminder = await client.next(
      (frame) =>
        frame.type === "message" &&
        frame.chatId === chatId &&
        (frame.from as { role?: string }).role === "system" &&
        String(frame.text).startsWith("You're still waiting"),
      20_000,
    );

    // Assess
    expect(queued).toMatchObject({ queueId: "us-fraud-en" });
    expect(reminder.text).toContain("1-800-528-4800");
  });

  it("reminds a Spanish-speaking fraud chat in Spanish", async () => {
    // Prepare
    const token = await devToken(stack.httpUrl, customerClaims({ locale: "es-US" }));
    const client = await ChatClient.connect(stack.wsUrl, token);
    open.push(client);
    const started = await client.request(
      { action: "startChat", text: "Están usando mi tarjeta ahora mismo, es fraude" },
      "chatStarted",
    );
    const chatId = String(started.chatId);
    chats.push({ client, chatId });

    // Act
    await client.request({ action: "requestAgent", chatId }, "queued");
    const reminder = await client.next(
      (frame) => frame.type === "message" && String(frame.text).startsWith("Sigue en espera"),
      20_000,
    );

    // Assess
    expect(reminder.text).toContain("1-800-528-4800");
  });
});
