import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient, type Frame } from "./support/chat-client.ts";
import {
  available,
  connectAgent,
  customerChat,
  offerFor,
  startHandoffStack,
} from "./support/handoff-stack.ts";
import type { LocalProcess } from "./support/local-process.ts";

/**
 * The live-agent side over real sockets, on a local runtime whose routing configuration
 * (test/integration/fixtures/fast-routing.ts) uses offer and overflow timers of a few seconds.
 */
let stack: LocalProcess;
const open: ChatClient[] = [];

beforeAll(async () => {
  stack = await startHandoffStack();
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await stack?.stop();
});

async function agent(options: Parameters<typeof connectAgent>[1]) {
  const connected = await connectAgent(stack, options);
  open.push(connected.client);
  return connected;
}

async function customer(claims: Record<string, unknown> = {}, text?: string) {
  const chat = await customerChat(stack, claims, text);
  open.push(chat.client);
  return chat;
}

describe("routing", () => {
  it.each([
    [{ country: "US", locale: "en-US", segment: "consumer" }, "I want to dispute a charge", "us-disputes-en"],
    [{ country: "US", locale: "es-US", segment: "consumer" }, "Quiero pagar mi factura", "us-consumer-es"],
    [
      { country: "US", locale: "en-US", segment: "small-business" },
      "I need help with my statement",
      "us-smallbiz-en",
    ],
    [
      { country: "US", locale: "en-US", segment: "consumer" },
      "Someone is using my card right now, fraud",
      "us-fraud",
    ],
    [{ country: "GB", locale: "en-GB", segment: "consumer" }, "My card was damaged", "gb-consumer-en"],
    [{ country: "MX", locale: "es-MX", segment: "consumer" }, "Perdí mi tarjeta", "mx-consumer-es"],
    [{ country: "ZZ", locale: "fr-FR", segment: "prepaid" }, "hello", "us-consumer-en"],
  ])("queues %j writing %j in %s", async (claims, text, queueId) => {
    // Prepare
    const { client, chatId } = await customer(claims, text);

    // Act
    const queued = await client.request({ action: "requestAgent", chatId }, "queued");

    // Assess
    expect(queued).toMatchObject({ type: "queued", chatId, queueId, position: expect.any(Number) });
    expect(queued.estimatedWaitSeconds === null || typeof queued.estimatedWaitSeconds === "number").toBe(
      true,
    );
    expect(typeof queued.estimatedWaitText).toBe("string");
    await client.request({ action: "endChat", chatId }, "chatEnding");
  });
});

describe("languages by configuration", () => {
  it("serves a ja-JP customer in Japanese: greeting, queue and wait wording, and a Japanese-speaking agent", async () => {
    // Prepare
    const english = await agent({ queues: ["jp-business-ja"], languages: ["en"] });
    const japanese = await agent({ queues: ["jp-business-ja"], languages: ["ja"], name: "佐藤" });
    await available(english.client);
    await available(japanese.client);
    const { client, chatId } = await customer({ country: "JP", locale: "ja-JP", segment: "small-business" });

    // Act
    const queued = await client.request({ action: "requestAgent", chatId }, "queued");
    const offer = await japanese.client.next(offerFor(chatId));
    await japanese.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    const joined = await client.next(
      (frame) => frame.type === "message" && (frame.from as { role?: string } | undefined)?.role === "system",
    );
    const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    const greeting = (transcript.messages as { text: string }[])[0]?.text ?? "";
    expect(greeting).toContain("バーチャルアシスタント");
    expect(queued).toMatchObject({ queueId: "jp-business-ja" });
    expect(String(queued.estimatedWaitText)).toMatch(/分|予測できません/);
    expect(offer).toMatchObject({ queueId: "jp-business-ja", context: { language: "ja" } });
    expect(joined.text).toBe("佐藤がチャットに参加しました。");
    expect(
      english.client.frames.some((frame) => frame.type === "chatOffered" && frame.chatId === chatId),
    ).toBe(false);
    await client.request({ action: "endChat", chatId }, "chatEnding");
  });
});

describe("offer and accept", () => {
  it("offers the chat with the assistant's context, and both sides talk after the agent accepts", async () => {
    // Prepare
    const { id: agentId, client: agentClient } = await agent({
      queues: ["gb-consumer-en"],
      name: "Sam Taylor",
    });
    await available(agentClient);
    const { client, chatId } = await customer(
      { country: "GB", locale: "en-GB", segment: "consumer", accounts: [{ last4: "4242" }] },
      "I want to dispute a $127.43 charge from XYZ Store on 08/15",
    );

    // Act
    await client.request({ action: "requestAgent", chatId }, "queued");
    const offer = await agentClient.next(offerFor(chatId));
    const assigned = await agentClient.request({ action: "acceptChat", chatId }, "chatAssigned");
    const joined = await client.nextOfType("agentJoined");
    const fromAgent = await agentClient.request(
      { action: "sendMessage", chatId, clientMessageId: "a1", text: "Hello, I can help with that dispute." },
      "ack",
    );
    const atCustomer = await client.next((frame) => frame.type === "message" && frame.seq === fromAgent.seq);
    const fromCustomer = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "c1", text: "Thanks!" },
      "ack",
    );
    const atAgent = await agentClient.next(
      (frame) => frame.type === "message" && frame.seq === fromCustomer.seq,
    );
    client.send({ action: "typing", chatId });
    const typing = await agentClient.nextOfType("typing");

    // Assess
    expect(offer).toMatchObject({
      queueId: "gb-consumer-en",
      expiresInSeconds: expect.any(Number),
      context: {
        country: "GB",
        language: "en",
        segment: "consumer",
        accountLast4: "4242",
        details: { amount: "127.43" },
      },
    });
    expect((offer.context as Frame).details).toMatchObject({ merchant: "XYZ Store" });
    expect(assigned).toMatchObject({ type: "chatAssigned", chatId });
    expect((assigned.history as Frame[]).some((message) => String(message.text).includes("127.43"))).toBe(
      true,
    );
    expect(joined).toMatchObject({ chatId, agent: { id: agentId, name: "Sam Taylor" } });
    expect(atCustomer).toMatchObject({
      from: { role: "agent", id: agentId },
      text: "Hello, I can help with that dispute.",
    });
    expect(atAgent).toMatchObject({ from: { role: "customer" }, text: "Thanks!" });
    expect(typing).toMatchObject({ chatId, from: { role: "customer" } });
    await client.request({ action: "endChat", chatId }, "chatEnding");
    const ended = await agentClient.nextOfType("chatEnded", 20_000);
    expect(ended.caseNumber).toEqual(expect.any(String));
    await available(agentClient, "offline");
  });

  it("offers a waiting chat to an agent who comes available later (no handoff notifies nobody)", async () => {
    // Prepare
    const { client, chatId } = await customer(
      { country: "MX", locale: "es-MX", segment: "consumer" },
      "Perdí mi tarjeta",
    );
    await client.request({ action: "requestAgent", chatId }, "queued");
    const { client: agentClient } = await agent({ queues: ["mx-consumer-es"], languages: ["es"] });

    // Act
    await available(agentClient);
    const offer = await agentClient.next(offerFor(chatId));

    // Assess
    expect(offer).toMatchObject({ queueId: "mx-consumer-es", context: { language: "es", country: "MX" } });
    await agentClient.request({ action: "declineChat", chatId }, "offerWithdrawn");
    await available(agentClient, "offline");
    await client.request({ action: "endChat", chatId }, "chatEnding");
  });

  it("re-offers to a second agent when the first lets the offer expire, and when one declines", async () => {
    // Prepare
    const first = await agent({ queues: ["us-smallbiz-en"] });
    await available(first.client);
    const { client, chatId } = await customer({ segment: "small-business" }, "Question about my statement");
    await client.request({ action: "requestAgent", chatId }, "queued");
    await first.client.next(offerFor(chatId));
    const second = await agent({ queues: ["us-smallbiz-en"] });
    await available(second.client);

    // Act
    const withdrawn = await first.client.next(
      (frame) => frame.type === "offerWithdrawn" && frame.chatId === chatId,
      15_000,
    );
    const reOffer = await second.client.next(offerFor(chatId), 15_000);
    const declined = await second.client.request({ action: "declineChat", chatId }, "offerWithdrawn");
    const late = await first.client.request({ action: "acceptChat", chatId }, "chatAssigned");

    // Assess
    expect(withdrawn).toMatchObject({ reason: "expired" });
    expect(reOffer).toMatchObject({ chatId });
    expect(declined).toMatchObject({ reason: "declined" });
    expect(late).toMatchObject({ type: "error", code: "CONFLICT" });
    await client.request({ action: "endChat", chatId }, "chatEnding");
    await Promise.all([available(first.client, "offline"), available(second.client, "offline")]);
  });
});

describe("queue timeout, transfer, escalation", () => {
  it("overflows a chat nobody answers to the wider queue, keeping its place", async () => {
    // Prepare
    const { client, chatId } = await customer({}, "I want to dispute a charge I don't recognize");
    const queued = await client.request({ action: "requestAgent", chatId }, "queued");
    const wide = await agent({ queues: ["us-consumer-en"] });

    // Act
    await available(wide.client);
    const offer = await wide.client.next(offerFor(chatId), 20_000);
    const status = await client.next(
      (frame) => frame.type === "queueStatus" && frame.queueId === "us-consumer-en",
      5_000,
    );

    // Assess
    expect(queued.queueId).toBe("us-disputes-en");
    expect(offer).toMatchObject({ queueId: "us-consumer-en", context: { topic: "dispute" } });
    expect(status).toMatchObject({ chatId, position: expect.any(Number) });
    await wide.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    await client.request({ action: "endChat", chatId }, "chatEnding");
    await available(wide.client, "offline");
  });

  it("transfers with a note and escalates to a supervisor; the customer is told and keeps the history", async () => {
    // Prepare
    const first = await agent({ queues: ["us-consumer-es"], languages: ["es", "en"] });
    const rewards = await agent({ queues: ["us-rewards"], languages: ["es", "en"] });
    const supervisor = await agent({ queues: ["supervisors"], languages: ["es", "en"], role: "supervisor" });
    await Promise.all([available(first.client), available(rewards.client), available(supervisor.client)]);
    const { client, chatId } = await customer({ locale: "es-US" }, "Tengo una pregunta sobre mi cuenta");
    await client.request({ action: "requestAgent", chatId }, "queued");
    await first.client.next(offerFor(chatId));
    await first.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    await first.client.request(
      { action: "sendMessage", chatId, clientMessageId: "x", text: "Le paso a recompensas" },
      "ack",
    );

    // Act
    const refused = await first.client.request(
      { action: "transferChat", chatId, queueId: "no-such-queue" },
      "transferStarted",
    );
    const started = await first.client.request(
      { action: "transferChat", chatId, queueId: "us-rewards", note: "Points missing from May" },
      "transferStarted",
    );
    const transferring = await client.nextOfType("transferring");
    const offer = await rewards.client.next(offerFor(chatId));
    const assigned = await rewards.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    await rewards.client.request(
      { action: "escalateChat", chatId, reason: "Customer asked for a supervisor" },
      "transferStarted",
    );
    const escalated = await supervisor.client.next(offerFor(chatId));
    await supervisor.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    const afterTransfer = await first.client.request(
      { action: "sendMessage", chatId, clientMessageId: "y", text: "still here?" },
      "ack",
    );

    // Assess
    expect(refused).toMatchObject({ type: "error", code: "BAD_REQUEST" });
    expect(client.frames.filter((frame) => frame.type === "transferring")).toHaveLength(2);
    expect(started).toMatchObject({ type: "transferStarted", queueId: "us-rewards" });
    expect(transferring).toMatchObject({ chatId, queueId: "us-rewards", reason: "transfer" });
    expect(offer).toMatchObject({ context: { note: "Points missing from May", transferredFrom: first.id } });
    expect((assigned.history as Frame[]).some((message) => message.text === "Le paso a recompensas")).toBe(
      true,
    );
    expect(escalated).toMatchObject({
      queueId: "supervisors",
      context: { reason: "escalation", note: "Customer asked for a supervisor" },
    });
    expect(afterTransfer).toMatchObject({ type: "error", code: "NOT_FOUND" });
    await client.request({ action: "endChat", chatId }, "chatEnding");
    await Promise.all([first, rewards, supervisor].map((staff) => available(staff.client, "offline")));
  });
});

describe("after hours and abandonment", () => {
  it("tells a customer of a closed queue its hours and number, and keeps the assistant", async () => {
    // Prepare
    const { client, chatId } = await customer(
      { country: "JP", locale: "ja-JP", segment: "consumer" },
      "card question",
    );

    // Act
    client.send({ action: "requestAgent", chatId, requestId: "after-hours" });
    const unavailable = await client.nextOfType("agentUnavailable");
    const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    expect(unavailable).toMatchObject({
      chatId,
      reason: "closed",
      hours: expect.any(String),
      contactNumber: expect.any(String),
    });
    expect(transcript.state).toBe("assistant");
    await client.request({ action: "endChat", chatId }, "chatEnding");
  });

  it("hands a chat nobody took within the queue's limit back to the assistant, with the number to call", async () => {
    // Prepare
    const { client, chatId } = await customer({ country: "CA", locale: "en-CA" }, "Question about my bill");

    // Act
    await client.request({ action: "requestAgent", chatId }, "queued");
    const unavailable = await client.nextOfType("agentUnavailable", 15_000);
    const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");
    const again = await client.request({ action: "requestAgent", chatId }, "queued");

    // Assess
    expect(unavailable).toMatchObject({ chatId, queueId: "ca-consumer-en", reason: "noAgents" });
    expect(transcript.state).toBe("assistant");
    expect(again).toMatchObject({ type: "queued", queueId: "ca-consumer-en" });
    await client.request({ action: "endChat", chatId }, "chatEnding");
  });

  it("starts the handoff when the customer asks the assistant for a person, without requestAgent", async () => {
    // Prepare
    const { client, chatId } = await customer({ country: "GB", locale: "en-GB" });

    // Act
    await client.request(
      { action: "sendMessage", chatId, clientMessageId: "p", text: "I want to talk to a live agent please" },
      "ack",
    );
    const queued = await client.nextOfType("queued");

    // Assess
    expect(queued).toMatchObject({ chatId, queueId: "gb-consumer-en" });
    await client.request({ action: "endChat", chatId }, "chatEnding");
  });

  it("removes an abandoned chat from its queue, so no agent is offered it afterwards", async () => {
    // Prepare
    const { client, chatId } = await customer({ country: "GB", locale: "en-GB" }, "My card was damaged");
    await client.request({ action: "requestAgent", chatId }, "queued");

    // Act
    await client.request({ action: "endChat", chatId }, "chatEnding");
    const ended = await client.nextOfType("chatEnded", 20_000);
    const late = await agent({ queues: ["gb-consumer-en"] });
    await available(late.client);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // Assess
    expect(ended.caseNumber).toEqual(expect.any(String));
    expect(late.client.frames.some(offerFor(chatId))).toBe(false);
    await available(late.client, "offline");
  });
});

describe("capacity and races", () => {
  it("never offers an agent more chats than maxChats, and offers the next chat when a slot frees", async () => {
    // Prepare
    const staff = await agent({ queues: ["us-consumer-es"], languages: ["es"], maxChats: 2 });
    const chats = [];
    for (let index = 0; index < 3; index += 1)
      chats.push(await customer({ locale: "es-US" }, "Pregunta sobre mi pago"));
    await Promise.all(
      chats.map(({ client, chatId }) => client.request({ action: "requestAgent", chatId }, "queued")),
    );

    // Act
    await available(staff.client);
    const offered = [
      await staff.client.nextOfType("chatOffered"),
      await staff.client.nextOfType("chatOffered"),
    ];
    for (const offer of offered)
      await staff.client.request({ action: "acceptChat", chatId: offer.chatId }, "chatAssigned");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const offersWhileFull = staff.client.frames.filter((frame) => frame.type === "chatOffered").length;
    const finished = chats.find((chat) => chat.chatId === offered[0]?.chatId);
    await finished?.client.request({ action: "endChat", chatId: finished.chatId }, "chatEnding");
    const third = await staff.client.nextOfType("chatOffered", 20_000);

    // Assess
    expect(offersWhileFull).toBe(2);
    expect(new Set([...offered, third].map((offer) => offer.chatId)).size).toBe(3);
    for (const { client, chatId } of chats) await client.request({ action: "endChat", chatId }, "chatEnding");
    await available(staff.client, "offline");
  });

  it("gives every chat to exactly one agent when many agents and chats race", async () => {
    // Prepare
    const agents = await Promise.all(
      Array.from({ length: 4 }, () => agent({ queues: ["gb-consumer-en"], maxChats: 2 })),
    );
    const chats = await Promise.all(
      Array.from({ length: 8 }, () =>
        customer({ country: "GB", locale: "en-GB" }, "Question about rewards points"),
      ),
    );
    const accepted = new Map<string, string>();
    const deadline = Date.now() + 30_000;
    const acceptAll = async (staff: (typeof agents)[number]) => {
      while (accepted.size < chats.length && Date.now() < deadline) {
        const offer = await staff.client.nextOfType("chatOffered", 1_000).catch(() => undefined);
        if (!offer) continue;
        const reply = await staff.client.request(
          { action: "acceptChat", chatId: offer.chatId },
          "chatAssigned",
        );
        if (reply.type === "chatAssigned") {
          expect(accepted.has(String(offer.chatId))).toBe(false);
          accepted.set(String(offer.chatId), staff.id);
        }
      }
    };

    // Act
    await Promise.all([
      ...chats.map(({ client, chatId }) => client.request({ action: "requestAgent", chatId }, "queued")),
      ...agents.map((staff) => available(staff.client)),
    ]);
    await Promise.all(agents.map(acceptAll));

    // Assess
    expect(accepted.size).toBe(8);
    const perAgent = [...accepted.values()].reduce(
      (counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1),
      new Map<string, number>(),
    );
    for (const count of perAgent.values()) expect(count).toBeLessThanOrEqual(2);
    for (const { client } of chats)
      expect(client.frames.filter((frame) => frame.type === "agentJoined")).toHaveLength(1);
    for (const { client, chatId } of chats) await client.request({ action: "endChat", chatId }, "chatEnding");
    await Promise.all(agents.map((staff) => available(staff.client, "offline")));
  });

  it("signs an agent out when their last connection closes, so offers go to agents who are there", async () => {
    // Prepare
    const gone = await agent({ queues: ["gb-consumer-en"] });
    await available(gone.client);
    await gone.client.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { client, chatId } = await customer({ country: "GB", locale: "en-GB" }, "My card was damaged");

    // Act
    await client.request({ action: "requestAgent", chatId }, "queued");
    const back = await ChatClient.connect(stack.wsUrl, gone.token);
    open.push(back);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const offeredWhileAway = back.frames.some(offerFor(chatId));
    await available(back);
    const offer = await back.next(offerFor(chatId));

    // Assess
    expect(offeredWhileAway).toBe(false);
    expect(offer).toMatchObject({ chatId });
    await client.request({ action: "endChat", chatId }, "chatEnding");
    await available(back, "offline");
  });

  it("delivers messages sent while the agent was away once the agent resumes", async () => {
    // Prepare
    const staff = await agent({ queues: ["mx-consumer-es"], languages: ["es"] });
    await available(staff.client);
    const { client, chatId } = await customer(
      { country: "MX", locale: "es-MX" },
      "Quiero hablar con un agente",
    );
    await client.request({ action: "requestAgent", chatId }, "queued");
    await staff.client.next(offerFor(chatId));
    const assigned = await staff.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    await staff.client.close();

    // Act
    const sent = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "away", text: "¿Sigue ahí?" },
      "ack",
    );
    const again = await ChatClient.connect(stack.wsUrl, staff.token);
    open.push(again);
    const lastSeen = Math.max(...(assigned.history as Frame[]).map((message) => Number(message.seq)));
    await again.request({ action: "resume", chatId, afterSeq: lastSeen }, "resumed");

    // Assess
    expect(
      again.messages(chatId).some((frame) => frame.seq === sent.seq && frame.text === "¿Sigue ahí?"),
    ).toBe(true);
    await client.request({ action: "endChat", chatId }, "chatEnding");
  });
});
