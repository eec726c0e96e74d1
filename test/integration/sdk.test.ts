import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CareChatError } from "../../client/src/index.ts";
import { documentClient } from "../../functions/lib/aws/document-client.ts";
import { ConnectionStore } from "../../functions/lib/data/connection-store.ts";
import { type LocalStack, startLocalStack } from "../../local/stack.ts";
import {
  agentParty,
  assignedChat,
  customerParty,
  eventually,
  type SdkParty,
  seen,
} from "./support/sdk-clients.ts";

const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");

const parties: SdkParty[] = [];
const track = async (party: Promise<SdkParty>) => {
  const value = await party;
  parties.push(value);
  return value;
};
afterAll(async () => {
  await Promise.allSettled(parties.map((party) => party.client.close()));
});

/** Each seq once, in order, and every text once: nothing lost, nothing duplicated. */
function expectGapless(party: SdkParty, chatId: string, texts: string[]) {
  const messages = seen(party, chatId);
  const seqs = messages.map((message) => message.seq);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => (seqs[0] ?? 1) + index));
  for (const text of texts)
    expect(
      messages.filter((message) => message.text === text),
      text,
    ).toHaveLength(1);
}

describe("the client SDK on the local stack", { timeout: 60_000 }, () => {
  it("runs a whole chat: assistant, handoff, messages both ways, end with a case number, listChats", async () => {
    // Prepare
    const customer = await track(customerParty(httpUrl, wsUrl));
    const agent = await track(agentParty(httpUrl, wsUrl));

    // Act
    const { chatId, assigned } = await assignedChat(customer, agent);
    const fromCustomer = await customer.client.sendMessage(chatId, "Hello, it was $127.43 at XYZ Store");
    const fromAgent = await agent.client.sendMessage(chatId, "I can help with that dispute.");
    await eventually(
      () => seen(customer, chatId).some((m) => m.seq === fromAgent.seq),
      "the agent's message",
    );
    await eventually(
      () => seen(agent, chatId).some((m) => m.seq === fromCustomer.seq),
      "the customer's message",
    );
    const ended = customer.client.once("chatEnded", (frame) => frame.chatId === chatId);
    const ending = await customer.client.endChat(chatId);
    const chatEnded = await ended;
    const transcript = await customer.client.getTranscript(chatId);
    const chats = await customer.client.listChats();
    await agent.client.setPresence("offline");

    // Assess
    expect(assigned.history.length).toBeGreaterThan(0);
    expect(fromAgent.seq).toBe(fromCustomer.seq + 1);
    expect(ending).toMatchObject({ type: "chatEnding", chatId });
    expect(chatEnded.caseNumber).toMatch(/^CC-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(transcript.caseNumber).toBe(chatEnded.caseNumber);
    expect(transcript.messages.map((message) => message.seq)).toEqual(
      seen(customer, chatId).map((message) => message.seq),
    );
    expect(chats.find((chat) => chat.chatId === chatId)).toMatchObject({
      state: "ended",
      caseNumber: chatEnded.caseNumber,
      lastSeq: customer.client.lastSeq(chatId),
    });
    expectGapless(customer, chatId, ["Hello, it was $127.43 at XYZ Store", "I can help with that dispute."]);
  });

  it("correlates concurrent replies by requestId and rejects only the request an error answers", async () => {
    // Prepare
    const customer = await track(customerParty(httpUrl, wsUrl));
    const { chatId } = await customer.client.startChat();

    // Act
    const [pong, transcript, missing, forbidden, chats, resumed] = await Promise.allSettled([
      customer.client.ping(),
      customer.client.getTranscript(chatId),
      customer.client.getTranscript("no-such-chat"),
      customer.client.setPresence("available"),
      customer.client.listChats(),
      customer.client.resume(chatId),
    ]);

    // Assess
    expect(pong).toMatchObject({ status: "fulfilled", value: { type: "pong" } });
    expect(transcript).toMatchObject({ status: "fulfilled", value: { type: "transcript", chatId } });
    expect(missing.status).toBe("rejected");
    expect((missing as PromiseRejectedResult).reason).toBeInstanceOf(CareChatError);
    expect((missing as PromiseRejectedResult).reason).toMatchObject({ code: "NOT_FOUND" });
    expect((forbidden as PromiseRejectedResult).reason).toMatchObject({ code: "FORBIDDEN" });
    expect(chats.status === "fulfilled" && chats.value.map((chat) => chat.chatId)).toEqual([chatId]);
    expect(resumed).toMatchObject({ status: "fulfilled", value: { type: "resumed", chatId } });
    expect(customer.client.isOpen).toBe(true);
  });

  it("rejects a message the server refuses for good with its code, and moves the outbox on", async () => {
    // Prepare
    const customer = await track(customerParty(httpUrl, wsUrl));
    const { chatId } = await customer.client.startChat();

    // Act
    const tooLong = customer.client.sendMessage(chatId, "x".repeat(4_001));
    const elsewhere = customer.client.sendMessage("no-such-chat", "hello");
    const fine = customer.client.sendMessage(chatId, "still here");

    // Assess
    await expect(tooLong).rejects.toMatchObject({ name: "CareChatError", code: "PAYLOAD_TOO_LARGE" });
    await expect(elsewhere).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(fine).resolves.toMatchObject({ type: "ack", chatId, duplicate: false });
    expect(customer.client.unacknowledged).toEqual([]);
  });

  it("calls the token provider again on every reconnect and resumes the chat from the last seq", async () => {
    // Prepare
    const customer = await track(customerParty(httpUrl, wsUrl));
    const { chatId } = await customer.client.startChat({ text: "When is my payment due?" });
    // startChat stores the greeting, the question and the answer at once: wait until all have arrived.
    const stored = (await customer.client.getTranscript(chatId)).messages.at(-1)?.seq ?? 0;
    await eventually(() => (customer.client.lastSeq(chatId) ?? 0) >= stored, "the assistant's answer");
    const before = customer.client.lastSeq(chatId) ?? 0;

    // Act
    const reopened = customer.client.once("open", (event) => event.reconnected);
    customer.client.reconnect();
    await reopened;
    const ack = await customer.client.sendMessage(chatId, "after the reconnect");
    await eventually(() => (customer.client.lastSeq(chatId) ?? 0) >= ack.seq, "the message back");

    // Assess
    expect(customer.tokenCalls()).toBe(2);
    expect(customer.sockets).toHaveLength(2);
    expect(ack.seq).toBe(before + 1);
    expectGapless(customer, chatId, ["after the reconnect"]);
  });
});

/**
 * Dropped connections, on a stack of this test's own: cutting a socket from the server side needs
 * its connection id, which only the backend knows, so the test reads it where the backend does
 * (the user's connection items) and closes it through `@connections`, as the backend would.
 */
describe("a connection dropped mid-conversation", { timeout: 60_000 }, () => {
  let stack: LocalStack;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "carechat-sdk-"));
    // The handlers run in this process here; keep their logs as quiet as the shared stack's.
    process.env.POWERTOOLS_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? "WARN";
    stack = await startLocalStack({ dataDir, port: 0 });
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(parties.map((party) => party.client.close()));
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cutFromServer = async (party: SdkParty) => {
    const connections = new ConnectionStore(documentClient(), String(process.env.TABLE_NAME));
    const ids = await connections.listForUser(party.sub);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const response = await fetch(`${stack.httpUrl}/@connections/${encodeURIComponent(id)}`, {
        method: "DELETE",
      });
      expect([204, 410]).toContain(response.status);
    }
  };

  it.each([
    ["the client side", "customer"],
    ["the server side", "customer"],
    ["the client side", "agent"],
    ["the server side", "agent"],
  ] as const)("loses and duplicates nothing when %s cuts the %s's socket", async (side, who) => {
    // Prepare
    const customer = await track(customerParty(stack.httpUrl, stack.url));
    const agent = await track(agentParty(stack.httpUrl, stack.url));
    const { chatId } = await assignedChat(customer, agent);
    await customer.client.sendMessage(chatId, "before the drop");
    const dropped = who === "customer" ? customer : agent;
    const other = who === "customer" ? agent : customer;
    const closed = dropped.client.once("close");
    const reopened = dropped.client.once("open", (event) => event.reconnected);

    // Act: the send goes out as the socket is cut, so its ack may be lost; both sides keep writing.
    const inFlight = dropped.client.sendMessage(chatId, `${who} in flight`);
    if (side === "the client side") dropped.sockets.at(-1)?.terminate();
    else await cutFromServer(dropped);
    await closed;
    const duringDrop = [
      dropped.client.sendMessage(chatId, `${who} during the drop 1`),
      other.client.sendMessage(chatId, `other during the drop 1`),
      dropped.client.sendMessage(chatId, `${who} during the drop 2`),
      other.client.sendMessage(chatId, `other during the drop 2`),
    ];
    await reopened;
    const acks = await Promise.all([inFlight, ...duringDrop]);
    const lastSeq = Math.max(...acks.map((ack) => ack.seq));
    await eventually(() => (customer.client.lastSeq(chatId) ?? 0) >= lastSeq, "the customer's last message");
    await eventually(() => (agent.client.lastSeq(chatId) ?? 0) >= lastSeq, "the agent's last message");
    const transcript = await other.client.getTranscript(chatId);
    await agent.client.setPresence("offline");

    // Assess
    const texts = [
      "before the drop",
      `${who} in flight`,
      `${who} during the drop 1`,
      `${who} during the drop 2`,
      "other during the drop 1",
      "other during the drop 2",
    ];
    for (const text of texts)
      expect(
        transcript.messages.filter((message) => message.text === text),
        text,
      ).toHaveLength(1);
    expect(new Set(acks.map((ack) => ack.seq)).size).toBe(acks.length);
    expectGapless(customer, chatId, texts);
    expectGapless(agent, chatId, texts.slice(1));
    expect(dropped.tokenCalls()).toBe(2);
    expect(customer.client.unacknowledged).toEqual([]);
    expect(agent.client.unacknowledged).toEqual([]);
  });
});
