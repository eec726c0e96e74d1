import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient, devToken, type Frame } from "./support/chat-client.ts";
import { available, offerFor, startHandoffStack } from "./support/handoff-stack.ts";
import type { LocalProcess } from "./support/local-process.ts";

/**
 * User ids are the issuer's `sub`: e-mail addresses, ids with dots, `#`, `@`, `+` or any Unicode.
 * They end up in DynamoDB keys and document paths (`participants.<sub>`), so a whole chat is run
 * with such ids on a runtime of its own (fast handoff timers).
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

async function connect(claims: Record<string, unknown>) {
  const client = await ChatClient.connect(stack.wsUrl, await devToken(stack.httpUrl, claims));
  open.push(client);
  return client;
}

const staff = (sub: string, name: string, queues: string[]) => ({
  sub,
  name,
  role: "agent",
  queues,
  languages: ["en", "es"],
  maxChats: 2,
});

describe("ids with dots, @, #, + and non-ASCII characters", () => {
  it("complete a whole chat: start, requestAgent, accept, messages both ways, transfer, end", async () => {
    // Prepare
    const firstId = "bo.agent@bank.example";
    const secondId = "ñu.agent+rewards@bank.example";
    const customerId = "josé#1";
    const first = await connect(staff(firstId, "Bo Agent", ["*"]));
    const second = await connect(staff(secondId, "Ñu Agent", ["us-rewards"]));
    await Promise.all([available(first), available(second)]);
    const customer = await connect({
      sub: customerId,
      role: "customer",
      name: "José Núñez",
      country: "US",
      locale: "en-US",
      segment: "consumer",
      accounts: [{ last4: "1005", product: "Gold Card" }],
    });

    // Act
    const started = await customer.request(
      { action: "startChat", text: "I have a question about my statement" },
      "chatStarted",
    );
    const chatId = String(started.chatId);
    const queued = await customer.request({ action: "requestAgent", chatId }, "queued");
    await first.next(offerFor(chatId));
    const assigned = await first.request({ action: "acceptChat", chatId }, "chatAssigned");
    const joined = await customer.nextOfType("agentJoined");
    const fromCustomer = await customer.request(
      { action: "sendMessage", chatId, clientMessageId: "m.1#a", text: "Hola, ¿me ayudas?" },
      "ack",
    );
    const fromAgent = await first.request(
      { action: "sendMessage", chatId, clientMessageId: "m.1#a", text: "Of course." },
      "ack",
    );
    const atAgent = await first.next((frame) => frame.type === "message" && frame.seq === fromCustomer.seq);
    const atCustomer = await customer.next(
      (frame) => frame.type === "message" && frame.seq === fromAgent.seq,
    );
    const transfer = await first.request(
      { action: "transferChat", chatId, queueId: "us-rewards", note: "points" },
      "transferStarted",
    );
    const transferring = await customer.nextOfType("transferring");
    await second.next(offerFor(chatId));
    const reassigned = await second.request({ action: "acceptChat", chatId }, "chatAssigned");
    const secondJoined = await customer.next(
      (frame) => frame.type === "agentJoined" && (frame.agent as Frame).id === secondId,
    );
    const fromSecond = await second.request(
      { action: "sendMessage", chatId, clientMessageId: "r.1", text: "I see the points now." },
      "ack",
    );
    const formerAgent = await first.request(
      { action: "sendMessage", chatId, clientMessageId: "late.1", text: "still here?" },
      "ack",
    );
    const ending = await customer.request({ action: "endChat", chatId }, "chatEnding");
    const ended = await customer.nextOfType("chatEnded", 20_000);
    const transcript = await customer.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    expect(queued).toMatchObject({ type: "queued", chatId });
    expect(assigned).toMatchObject({ type: "chatAssigned", chatId });
    expect(joined).toMatchObject({ chatId, agent: { id: firstId, name: "Bo Agent" } });
    expect(fromCustomer.type).toBe("ack");
    expect(fromAgent).toMatchObject({ type: "ack", seq: (fromCustomer.seq as number) + 1 });
    expect(atAgent).toMatchObject({ from: { role: "customer" }, text: "Hola, ¿me ayudas?" });
    expect(atCustomer).toMatchObject({ from: { role: "agent", id: firstId }, text: "Of course." });
    expect(transfer).toMatchObject({ type: "transferStarted", queueId: "us-rewards" });
    expect(transferring).toMatchObject({ chatId });
    expect(reassigned).toMatchObject({ type: "chatAssigned", chatId });
    expect(secondJoined).toMatchObject({ agent: { id: secondId, name: "Ñu Agent" } });
    expect(fromSecond.type).toBe("ack");
    expect(formerAgent).toMatchObject({ type: "error" });
    expect(ending.type).toBe("chatEnding");
    expect(ended).toMatchObject({ chatId, caseNumber: expect.any(String) });
    expect(transcript).toMatchObject({ type: "transcript", chatId, caseNumber: ended.caseNumber });
    const texts = (transcript.messages as Frame[]).map((message) => message.text);
    expect(texts).toEqual(
      expect.arrayContaining(["Hola, ¿me ayudas?", "Of course.", "I see the points now."]),
    );
  }, 90_000);

  it("keeps the idempotency keys of a sender a#b and a sender a apart", async () => {
    // Prepare: the earlier agents leave, so that the chat is offered to agent "a".
    await Promise.all(open.splice(0).map((client) => client.close()));
    const customer = await connect({
      sub: "a#b",
      role: "customer",
      name: "A B",
      country: "US",
      locale: "en-US",
      segment: "consumer",
    });
    const agentClient = await connect(staff("a", "Agent A", ["*"]));
    await available(agentClient);
    const chatId = String(
      (await customer.request({ action: "startChat", text: "hello" }, "chatStarted")).chatId,
    );
    await customer.request({ action: "requestAgent", chatId }, "queued");
    await agentClient.next(offerFor(chatId));
    await agentClient.request({ action: "acceptChat", chatId }, "chatAssigned");

    // Act: the same sort key under the old layout, CMID#a#b#c, from two different senders.
    const fromCustomer = await customer.request(
      { action: "sendMessage", chatId, clientMessageId: "c", text: "first" },
      "ack",
    );
    const fromAgent = await agentClient.request(
      { action: "sendMessage", chatId, clientMessageId: "b#c", text: "second" },
      "ack",
    );
    await customer.request({ action: "endChat", chatId }, "chatEnding");

    // Assess
    expect(fromAgent.seq).toBe((fromCustomer.seq as number) + 1);
  }, 60_000);
});
