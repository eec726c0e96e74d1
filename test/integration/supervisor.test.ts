import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fastRouting } from "./fixtures/fast-routing.ts";
import { ChatClient, type Frame } from "./support/chat-client.ts";
import { available, connectAgent, customerChat, offerFor } from "./support/handoff-stack.ts";
import { type LocalProcess, startLocalProcess } from "./support/local-process.ts";
import { scanUntil } from "./support/local-table.ts";

/**
 * The supervisor tools on the running local stack. The ticker runs every 16 s here, so each run pushes
 * queue snapshots in two rounds 8 s apart, as the one-minute schedule on AWS does in eight.
 */
// Each test drives three to five sockets through the stack; a busy machine needs more than the default.
vi.setConfig({ testTimeout: 90_000 });

let stack: LocalProcess;
const open: ChatClient[] = [];
const GB = { country: "GB", locale: "en-GB", segment: "consumer" };

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), "carechat-routing-")), "routing.json");
  writeFileSync(file, JSON.stringify(fastRouting()));
  stack = await startLocalProcess({ env: { CARECHAT_ROUTING_FILE: file, CARECHAT_TICK_MS: "16000" } });
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((client) => client.close().catch(() => undefined)));
  await stack?.stop();
});

async function staff(options: Parameters<typeof connectAgent>[1]) {
  const connected = await connectAgent(stack, options);
  open.push(connected.client);
  return connected;
}

/** A GB customer's chat taken by an agent of gb-consumer-en: the chat supervisors of that queue may see. */
async function assignedChat(claims: Record<string, unknown> = GB) {
  const agent = await staff({ queues: ["gb-consumer-en"], name: "Sam Agent" });
  await available(agent.client);
  const customer = await customerChat(stack, claims, "I want to dispute a charge");
  open.push(customer.client);
  const { chatId } = customer;
  await customer.client.request({ action: "requestAgent", chatId }, "queued");
  await agent.client.next(offerFor(chatId));
  await agent.client.request({ action: "acceptChat", chatId }, "chatAssigned");
  await customer.client.nextOfType("agentJoined");
  // Away: the agent keeps this chat and is offered no other test's chat.
  await available(agent.client, "away");
  return { agent, customer: customer.client, customerToken: customer.token, chatId };
}

const say = (client: ChatClient, chatId: string, text: string) =>
  client.request({ action: "sendMessage", chatId, clientMessageId: crypto.randomUUID(), text }, "ack");

/** Every frame posted to `client` before this returns has arrived (same socket, in order). */
const settle = (client: ChatClient) => client.request({ action: "ping" }, "pong");

const mentions = (frames: readonly Frame[], ...needles: string[]) =>
  frames.filter((frame) => needles.some((needle) => JSON.stringify(frame).includes(needle)));

describe("monitorChat", () => {
  it("lets a supervisor of the queue watch silently: history, then every message; the customer sees no trace", async () => {
    // Prepare
    const { agent, customer, chatId } = await assignedChat();
    const supervisor = await staff({ role: "supervisor", queues: ["gb-consumer-en"], name: "Grace Monitor" });

    // Act
    const monitoring = await supervisor.client.request({ action: "monitorChat", chatId }, "monitoring");
    const fromAgent = await say(agent.client, chatId, "Let me look at that charge.");
    const fromCustomer = await say(customer, chatId, "Thank you.");
    const seenByMonitor = await Promise.all(
      [fromAgent.seq, fromCustomer.seq].map((seq) =>
        supervisor.client.next((frame) => frame.type === "message" && frame.seq === seq),
      ),
    );
    const send = await supervisor.client.request(
      { action: "sendMessage", chatId, clientMessageId: "s-1", text: "Hello" },
      "ack",
    );
    const typing = await supervisor.client.request({ action: "typing", chatId }, "ack");
    await settle(customer);
    const transcript = await customer.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    expect(monitoring).toMatchObject({
      type: "monitoring",
      chatId,
      state: "assigned",
      queueId: "gb-consumer-en",
    });
    expect((monitoring.history as unknown[]).length).toBeGreaterThan(0);
    expect(seenByMonitor.map((frame) => frame.text)).toEqual(["Let me look at that charge.", "Thank you."]);
    expect(send).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(typing).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(mentions([...customer.frames, transcript], supervisor.id, "Grace Monitor", "monitor")).toEqual([]);
    const seqs = customer.messages(chatId).map((frame) => Number(frame.seq));
    expect(seqs).toEqual(seqs.map((_, index) => (seqs[0] ?? 1) + index));
  });

  it("stops with stopMonitoring: later messages no longer reach the supervisor", async () => {
    // Prepare
    const { agent, chatId } = await assignedChat();
    const supervisor = await staff({ role: "supervisor", queues: ["*"] });
    await supervisor.client.request({ action: "monitorChat", chatId }, "monitoring");

    // Act
    const stopped = await supervisor.client.request(
      { action: "stopMonitoring", chatId },
      "monitoringStopped",
    );
    const after = await say(agent.client, chatId, "Only the customer reads this.");
    await settle(supervisor.client);

    // Assess
    expect(stopped).toMatchObject({ type: "monitoringStopped", chatId });
    expect(supervisor.client.messages(chatId).filter((frame) => frame.seq === after.seq)).toEqual([]);
  });
});

describe("whisper", () => {
  it("reaches the agent and the monitor with a gapless noteSeq, masked, and never the customer by any path", async () => {
    // Prepare
    const { agent, customer, customerToken, chatId } = await assignedChat();
    const supervisor = await staff({ role: "supervisor", queues: ["gb-consumer-en"], name: "Grace Whisper" });
    await supervisor.client.request({ action: "monitorChat", chatId }, "monitoring");

    // Act
    const first = await supervisor.client.request(
      { action: "whisper", chatId, text: "Offer the fee refund, SECRET-NOTE-1." },
      "noteAck",
    );
    const second = await agent.client.request(
      { action: "whisper", chatId, text: "Card 4111 1111 1111 1111 was the one, SECRET-NOTE-2." },
      "noteAck",
    );
    const atAgent = await agent.client.next((frame) => frame.type === "note" && frame.noteSeq === 1);
    const atMonitor = await supervisor.client.next((frame) => frame.type === "note" && frame.noteSeq === 2);
    const byCustomer = await customer.request({ action: "whisper", chatId, text: "me too" }, "noteAck");
    const afterNotes = await say(agent.client, chatId, "Back to you.");
    await settle(customer);
    const customerTranscript = await customer.request({ action: "getTranscript", chatId }, "transcript");
    const customerAgain = await ChatClient.connect(stack.wsUrl, customerToken);
    open.push(customerAgain);
    const customerResumed = await customerAgain.request({ action: "resume", chatId, afterSeq: 0 }, "resumed");
    const staffTranscript = await agent.client.request({ action: "getTranscript", chatId }, "transcript");
    const agentAgain = await ChatClient.connect(stack.wsUrl, agent.token);
    open.push(agentAgain);
    await agentAgain.request({ action: "resume", chatId, afterSeq: 0 }, "resumed");
    const replayed = await agentAgain.next((frame) => frame.type === "note" && frame.noteSeq === 2);

    // Assess
    expect([first.noteSeq, second.noteSeq]).toEqual([1, 2]);
    expect(second.redacted).toBe(true);
    expect(atAgent).toMatchObject({
      chatId,
      from: { role: "supervisor", id: supervisor.id },
      redacted: false,
    });
    expect(String(atMonitor.text)).not.toContain("4111 1111 1111 1111");
    expect(String(atMonitor.text)).toContain("SECRET-NOTE-2");
    expect(byCustomer).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(staffTranscript.notes).toHaveLength(2);
    expect(replayed.text).toBe(atMonitor.text);
    expect(customerTranscript.notes).toBeUndefined();
    expect(customerResumed).toMatchObject({ type: "resumed", chatId });
    const everything = [...customer.frames, ...customerAgain.frames, customerTranscript];
    expect(everything.filter((frame) => frame.type === "note" || frame.type === "noteAck")).toEqual([]);
    expect(mentions(everything, "SECRET-NOTE", "Grace Whisper", supervisor.id)).toEqual([]);
    // Notes take no message seq: the customer's messages stay gapless around them.
    const seqs = customerAgain.messages(chatId).map((frame) => Number(frame.seq));
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    expect(seqs.at(-1)).toBe(afterNotes.seq);
  });
});

describe("bargeIn", () => {
  it("joins a monitor as a participant: everyone is told, the customer in words, and all three talk", async () => {
    // Prepare
    const { agent, customer, chatId } = await assignedChat();
    const supervisor = await staff({ role: "supervisor", queues: ["gb-consumer-en"], name: "Grace Barge" });
    await supervisor.client.request({ action: "monitorChat", chatId }, "monitoring");

    // Act
    const barged = await supervisor.client.request({ action: "bargeIn", chatId }, "bargedIn");
    const joinedAtCustomer = await customer.nextOfType("participantJoined");
    const joinedAtAgent = await agent.client.nextOfType("participantJoined");
    const notice = await customer.next(
      (frame) => frame.type === "message" && String(frame.text).includes("A supervisor has joined"),
    );
    const fromSupervisor = await say(
      supervisor.client,
      chatId,
      "I'm the supervisor; I'll approve the refund.",
    );
    const fromCustomer = await say(customer, chatId, "Great, thanks.");
    const atCustomer = await customer.next(
      (frame) => frame.type === "message" && frame.seq === fromSupervisor.seq,
    );
    const atAgent = await agent.client.next(
      (frame) => frame.type === "message" && frame.seq === fromSupervisor.seq,
    );
    const atSupervisor = await supervisor.client.next(
      (frame) => frame.type === "message" && frame.seq === fromCustomer.seq,
    );
    const again = await supervisor.client.request({ action: "bargeIn", chatId }, "bargedIn");
    await agent.client.request({ action: "endChat", chatId }, "chatEnding");
    const ended = await Promise.all(
      [customer, agent.client, supervisor.client].map((client) => client.nextOfType("chatEnded", 30_000)),
    );

    // Assess
    expect(barged).toMatchObject({ type: "bargedIn", chatId });
    const participant = { role: "supervisor", id: supervisor.id, name: "Grace Barge" };
    expect(joinedAtCustomer).toEqual({ type: "participantJoined", chatId, participant });
    expect(joinedAtAgent).toEqual({ type: "participantJoined", chatId, participant });
    expect(notice.from).toEqual({ role: "system" });
    expect(atCustomer.from).toMatchObject({ role: "supervisor", id: supervisor.id });
    expect(atAgent.text).toBe(atCustomer.text);
    expect(atSupervisor.text).toBe("Great, thanks.");
    expect(again.type).toBe("bargedIn");
    expect(customer.frames.filter((frame) => frame.type === "participantJoined")).toHaveLength(1);
    expect(ended.map((frame) => frame.caseNumber)).toEqual([
      ended[0]?.caseNumber,
      ended[0]?.caseNumber,
      ended[0]?.caseNumber,
    ]);
  });

  it("tells a Spanish-speaking customer in Spanish", async () => {
    // Prepare
    const agent = await staff({ queues: ["us-consumer-es"], languages: ["es"] });
    await available(agent.client);
    const { client: customer, chatId } = await customerChat(
      stack,
      { country: "US", locale: "es-US", segment: "consumer" },
      "Quiero hablar con un agente",
    );
    open.push(customer);
    await customer.request({ action: "requestAgent", chatId }, "queued");
    await agent.client.next(offerFor(chatId));
    await agent.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    const supervisor = await staff({ role: "supervisor", queues: ["us-consumer-es"], name: "Lucía" });

    // Act
    await supervisor.client.request({ action: "bargeIn", chatId }, "bargedIn");
    const notice = await customer.next(
      (frame) =>
        frame.type === "message" && frame.from !== undefined && String(frame.text).includes("supervisor"),
    );

    // Assess
    expect(notice.text).toBe("Un supervisor se ha unido al chat: Lucía.");
  });
});

describe("queue access", () => {
  it("answers supervisors of other queues, agents and customers as if the chat did not exist or refuses them", async () => {
    // Prepare
    const { agent, customer, chatId } = await assignedChat();
    const elsewhere = await staff({ role: "supervisor", queues: ["us-consumer-en"] });
    const everywhere = await staff({ role: "supervisor", queues: ["*"] });

    // Act
    const answers = {
      monitor: await elsewhere.client.request({ action: "monitorChat", chatId }, "monitoring"),
      barge: await elsewhere.client.request({ action: "bargeIn", chatId }, "bargedIn"),
      whisper: await elsewhere.client.request({ action: "whisper", chatId, text: "hi" }, "noteAck"),
      agentMonitor: await agent.client.request({ action: "monitorChat", chatId }, "monitoring"),
      agentWatch: await agent.client.request({ action: "watchQueues" }, "queueSnapshot"),
      customerMonitor: await customer.request({ action: "monitorChat", chatId }, "monitoring"),
      customerBarge: await customer.request({ action: "bargeIn", chatId }, "bargedIn"),
      customerList: await customer.request({ action: "listQueueChats" }, "queueChats"),
    };
    const listedElsewhere = await elsewhere.client.request({ action: "listQueueChats" }, "queueChats");
    const listedEverywhere = await everywhere.client.request({ action: "listQueueChats" }, "queueChats");

    // Assess
    expect(answers.monitor).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(answers.barge).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(answers.whisper).toMatchObject({ type: "error", code: "NOT_FOUND" });
    for (const refused of [
      answers.agentMonitor,
      answers.agentWatch,
      answers.customerMonitor,
      answers.customerBarge,
      answers.customerList,
    ])
      expect(refused).toMatchObject({ type: "error", code: "FORBIDDEN" });
    const ids = (frame: Frame) => (frame.chats as { chatId: string }[]).map((chat) => chat.chatId);
    expect(ids(listedElsewhere)).not.toContain(chatId);
    expect(ids(listedEverywhere)).toContain(chatId);
    const row = (listedEverywhere.chats as { chatId: string }[]).find((chat) => chat.chatId === chatId);
    expect(row).toMatchObject({
      state: "assigned",
      queueId: "gb-consumer-en",
      participants: [{ role: "agent" }],
    });
    await settle(customer);
    expect(mentions(customer.frames, elsewhere.id, everywhere.id)).toEqual([]);
  });
});

describe("watchQueues", () => {
  it("answers with the granted queues now, then pushes snapshots at most 10 s apart until unwatched", async () => {
    // Prepare
    const supervisor = await staff({ role: "supervisor", queues: ["us-smallbiz-en", "gb-consumer-en"] });
    const holder = await staff({ queues: ["us-smallbiz-en"] });
    await available(holder.client);
    const waiting = await customerChat(
      stack,
      { country: "US", locale: "en-US", segment: "small-business" },
      "help",
    );
    open.push(waiting.client);
    await waiting.client.request({ action: "requestAgent", chatId: waiting.chatId }, "queued");

    // Act
    const now = await supervisor.client.request({ action: "watchQueues" }, "queueSnapshot");
    const pushed: Frame[] = [];
    for (let count = 0; count < 3; count += 1)
      pushed.push(
        await supervisor.client.next((frame) => frame.type === "queueSnapshot" && !frame.requestId, 30_000),
      );
    const unwatched = await supervisor.client.request({ action: "unwatchQueues" }, "queuesUnwatched");
    const table = await scanUntil(
      stack,
      (items) => !items.some((item) => item.pk === "WATCHERS" && item.userId === supervisor.id),
    );
    await waiting.client.request({ action: "endChat", chatId: waiting.chatId }, "chatEnding");
    await available(holder.client, "offline");

    // Assess
    const queueIds = (frame: Frame) =>
      (frame.queues as { queueId: string }[]).map((queue) => queue.queueId).sort();
    expect(queueIds(now)).toEqual(["gb-consumer-en", "us-smallbiz-en"]);
    for (const frame of pushed) expect(queueIds(frame)).toEqual(["gb-consumer-en", "us-smallbiz-en"]);
    const smallBiz = (now.queues as Record<string, unknown>[]).find(
      (queue) => queue.queueId === "us-smallbiz-en",
    );
    expect(smallBiz).toMatchObject({
      waiting: expect.any(Number),
      longestWaitSeconds: expect.any(Number),
      agents: { available: expect.any(Number), away: expect.any(Number), busy: expect.any(Number) },
      offersTimedOut: expect.any(Number),
      abandoned: expect.any(Number),
    });
    expect(Number(smallBiz?.waiting)).toBeGreaterThanOrEqual(1);
    const gaps = pushed
      .slice(1)
      .map((frame, index) => Date.parse(String(frame.at)) - Date.parse(String(pushed[index]?.at)));
    console.info(`queue snapshot gaps (ms): ${gaps.join(", ")}`);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(10_000);
    expect(unwatched.type).toBe("queuesUnwatched");
    expect(table.some((item) => item.pk === "WATCHERS" && item.userId === supervisor.id)).toBe(false);
  }, 90_000);

  it("counts timed-out offers, abandons and how far the estimates were off in the last hour", async () => {
    // Prepare: an offer left to expire (5 s here), then a customer who leaves the queue, then an accept.
    const supervisor = await staff({ role: "supervisor", queues: ["us-smallbiz-en"] });
    const before = await supervisor.client.request({ action: "watchQueues" }, "queueSnapshot");
    const idle = await staff({ queues: ["us-smallbiz-en"] });
    await available(idle.client);
    const smallBiz = { country: "US", locale: "en-US", segment: "small-business" };
    const first = await customerChat(stack, smallBiz, "help");
    open.push(first.client);
    await first.client.request({ action: "requestAgent", chatId: first.chatId }, "queued");
    await idle.client.next(offerFor(first.chatId));
    await idle.client.next(
      (frame) => frame.type === "offerWithdrawn" && frame.chatId === first.chatId,
      20_000,
    );
    await available(idle.client, "offline");
    await first.client.request({ action: "endChat", chatId: first.chatId }, "chatEnding");
    const keen = await staff({ queues: ["us-smallbiz-en"] });
    await available(keen.client);
    const second = await customerChat(stack, smallBiz, "help again");
    open.push(second.client);
    await second.client.request({ action: "requestAgent", chatId: second.chatId }, "queued");
    await keen.client.next(offerFor(second.chatId));
    await keen.client.request({ action: "acceptChat", chatId: second.chatId }, "chatAssigned");

    // Act
    const after = await supervisor.client.request({ action: "watchQueues" }, "queueSnapshot");

    // Assess
    const figures = (frame: Frame) => (frame.queues as Record<string, number>[])[0] ?? {};
    expect(figures(after).offersTimedOut).toBeGreaterThanOrEqual((figures(before).offersTimedOut ?? 0) + 1);
    expect(figures(after).abandoned).toBeGreaterThanOrEqual((figures(before).abandoned ?? 0) + 1);
    expect(figures(after).estimateSamples).toBeGreaterThanOrEqual((figures(before).estimateSamples ?? 0) + 1);
    expect(typeof figures(after).estimateErrorSeconds).toBe("number");
  }, 60_000);

  it("stops when the supervisor disconnects: the watch is deleted with the connection", async () => {
    // Prepare
    const supervisor = await staff({ role: "supervisor", queues: ["*"] });
    await supervisor.client.request({ action: "watchQueues" }, "queueSnapshot");
    await scanUntil(stack, (items) =>
      items.some((item) => item.pk === "WATCHERS" && item.userId === supervisor.id),
    );

    // Act
    await supervisor.client.close();
    const items = await scanUntil(
      stack,
      (all) => !all.some((item) => item.pk === "WATCHERS" && item.userId === supervisor.id),
    );

    // Assess
    expect(items.filter((item) => item.pk === "WATCHERS" && item.userId === supervisor.id)).toEqual([]);
  });
});
