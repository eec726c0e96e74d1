import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CorpusEntry, cardCorpus } from "../support/card-corpus.ts";
import { CardScanner, type Haystack } from "../support/card-scanner.ts";
import { fastRouting } from "./fixtures/fast-routing.ts";
import { ChatClient, customerClaims, devToken, type Frame } from "./support/chat-client.ts";
import { available, offerFor } from "./support/handoff-stack.ts";
import { type LocalProcess, startLocalProcess } from "./support/local-process.ts";
import {
  logHaystacks,
  scanTable,
  tableHaystacks,
  workflowHaystacks,
  workflowsSettled,
} from "./support/stack-contents.ts";

/**
 * PCI DSS asks that a full card number is found nowhere it was not meant to be. A generated corpus of
 * card numbers, spelled every way the masking claims to catch, goes through every free-text field of the
 * protocol on a runtime of its own (logging at DEBUG, all output kept); then a scanner reads the whole
 * table, every log line, every workflow execution's input, output and history, and every frame received.
 */
const SEED = Number(process.env.CARD_CORPUS_SEED ?? Math.floor(Math.random() * 1_000_000_000));
const CORPUS_SIZE = 210;
const corpus = cardCorpus(CORPUS_SIZE, SEED);
const entry = (index: number): CorpusEntry => corpus[index % corpus.length] as CorpusEntry;
/** `count` entries from `start`, each rendered by `pick`, joined by `separator`. */
const batch = (start: number, count: number, pick: (entry: CorpusEntry) => string, separator: string) =>
  Array.from({ length: count }, (_, offset) => pick(entry(start + offset))).join(separator);

// How many numbers each field carries, within the protocol's limits (checked on the masked value, except
// a message's 4,000 characters, which are counted as typed).
const PER_TOPIC = 3;
const PER_START_TEXT = 21;
const PER_MESSAGE = 21;
const PER_NOTE = 42;
const HANDOFF_CHATS = CORPUS_SIZE / PER_NOTE;

let stack: LocalProcess;
const clients: ChatClient[] = [];
const placed = { name: 0, topic: 0, startText: 0, customerText: 0, agentText: 0, note: 0, reason: 0 };

beforeAll(async () => {
  const routing = join(mkdtempSync(join(tmpdir(), "carechat-routing-")), "routing.json");
  writeFileSync(routing, JSON.stringify(fastRouting()));
  stack = await startLocalProcess({
    env: { CARECHAT_ROUTING_FILE: routing, CARECHAT_TICK_MS: "1000", POWERTOOLS_LOG_LEVEL: "DEBUG" },
    outputLimit: 200_000_000,
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await stack?.stop();
});

async function connect(claims: Record<string, unknown>): Promise<ChatClient> {
  const client = await ChatClient.connect(stack.wsUrl, await devToken(stack.httpUrl, claims));
  clients.push(client);
  return client;
}

async function inBatches<T>(count: number, width: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += width) {
    const indexes = Array.from({ length: Math.min(width, count - start) }, (_, offset) => start + offset);
    results.push(...(await Promise.all(indexes.map(work))));
  }
  return results;
}

/** The name claim on every connection; a topic alone (which the assistant reads) or a first message. */
async function startChats(index: number): Promise<Frame[]> {
  const client = await connect(customerClaims({ name: `Ana ${entry(index).spelling}` }));
  placed.name += 1;
  const started: Frame[] = [];
  if (index % PER_TOPIC === 0) {
    const topic = batch(index, PER_TOPIC, (item) => item.spelling, " ");
    started.push(await client.request({ action: "startChat", topic }, "chatStarted"));
    placed.topic += PER_TOPIC;
  }
  if (index % PER_START_TEXT === 0) {
    const text = batch(index, PER_START_TEXT, (item) => item.sentence, "\n");
    started.push(await client.request({ action: "startChat", text }, "chatStarted"));
    placed.startText += PER_START_TEXT;
  }
  return started;
}

/** Customer and agent messages, a transfer note and an escalation reason, then the chat's closure. */
async function handOff(
  index: number,
  staff: { first: ChatClient; rewards: ChatClient; supervisor: ChatClient },
): Promise<Frame[]> {
  const start = index * PER_NOTE;
  const customer = await connect(customerClaims());
  const chatId = String((await customer.request({ action: "startChat" }, "chatStarted")).chatId);
  const replies: Frame[] = [];
  const send = async (client: ChatClient, action: string, body: Record<string, unknown>, reply: string) => {
    replies.push(await client.request({ action, chatId, ...body }, reply, 20_000));
  };
  const messages = async (client: ChatClient, from: string) => {
    for (let part = 0; part < PER_NOTE / PER_MESSAGE; part++) {
      const text = batch(start + part * PER_MESSAGE, PER_MESSAGE, (item) => item.sentence, "\n");
      await send(client, "sendMessage", { clientMessageId: `${from}-${part}`, text }, "ack");
    }
  };
  await messages(customer, "customer");
  placed.customerText += PER_NOTE;
  await send(customer, "requestAgent", {}, "queued");
  await staff.first.next(offerFor(chatId), 20_000);
  await send(staff.first, "acceptChat", {}, "chatAssigned");
  await messages(staff.first, "agent");
  placed.agentText += PER_NOTE;
  const note = batch(start, PER_NOTE, (item) => item.spelling, " ; ");
  await send(staff.first, "transferChat", { queueId: "us-rewards", note }, "transferStarted");
  placed.note += PER_NOTE;
  await staff.rewards.next(offerFor(chatId), 20_000);
  await send(staff.rewards, "acceptChat", {}, "chatAssigned");
  const reason = batch(start + 1, PER_NOTE, (item) => item.spelling, " ; ");
  await send(staff.rewards, "escalateChat", { reason }, "transferStarted");
  placed.reason += PER_NOTE;
  await staff.supervisor.next(offerFor(chatId), 20_000);
  await send(staff.supervisor, "acceptChat", {}, "chatAssigned");
  await send(customer, "endChat", {}, "chatEnding");
  await customer.nextOfType("chatEnded", 20_000);
  return replies;
}

describe("card data through every free-text field", () => {
  it(`leaves no card number of a ${CORPUS_SIZE}-number corpus in the table, the logs, the workflows or any frame (seed ${SEED})`, async () => {
    // Prepare
    const staffClaims = (sub: string, queues: string[], role = "agent") => ({
      sub: `${sub}-${SEED}`,
      role,
      name: sub,
      queues,
      languages: ["en", "es"],
      maxChats: 20,
    });
    const queues = fastRouting()
      .queues.filter((queue) => queue.kind !== "supervisor")
      .map((queue) => queue.id);
    const staff = {
      first: await connect(staffClaims("first", queues)),
      rewards: await connect(staffClaims("rewards", ["us-rewards"])),
      supervisor: await connect(staffClaims("supervisor", ["supervisors"], "supervisor")),
    };
    await Promise.all(Object.values(staff).map((client) => available(client)));

    // Act
    const started = await inBatches(CORPUS_SIZE, 10, startChats);
    // One at a time: the three staff members take each chat in turn, as offers are made one by one.
    const handedOff = await inBatches(HANDOFF_CHATS, 1, (index) => handOff(index, staff));
    const stillRunning = await workflowsSettled(stack, 15_000);
    const items = await scanTable(stack);
    const workflows = await workflowHaystacks(stack);
    const frames: Haystack[] = clients.flatMap((client, index) =>
      client.frames.map((frame, seq) => ({
        where: `frame ${seq} on connection ${index} (${frame.type})`,
        text: JSON.stringify(frame),
      })),
    );
    const logs = logHaystacks(stack);
    const findings = new CardScanner(corpus).scan([
      ...tableHaystacks(items),
      ...logs,
      ...workflows.haystacks,
      ...frames,
    ]);

    // Assess
    expect(started.flat().filter((frame) => frame.type !== "chatStarted")).toEqual([]);
    expect(handedOff.flat().filter((frame) => frame.type === "error")).toEqual([]);
    expect(Object.values(placed).every((count) => count >= 200)).toBe(true);
    expect(findings.slice(0, 5)).toEqual([]);
    // The scan read what it should have: the stored messages (masked), DEBUG logs and both workflows.
    expect(stillRunning).toBe(0);
    expect(items.filter((item) => JSON.stringify(item).includes("[card ending")).length).toBeGreaterThan(
      CORPUS_SIZE,
    );
    expect(logs.length).toBeGreaterThan(CORPUS_SIZE);
    expect(workflows.executions).toBeGreaterThanOrEqual(HANDOFF_CHATS * 2);
    expect(frames.length).toBeGreaterThan(CORPUS_SIZE);
    const customerMessages = clients
      .flatMap((client) => client.frames)
      .filter((frame) => frame.type === "message" && (frame.from as { role: string }).role === "customer");
    expect(customerMessages.length).toBeGreaterThanOrEqual(CORPUS_SIZE / PER_START_TEXT + HANDOFF_CHATS * 2);
    expect(customerMessages.every((frame) => frame.redacted === true)).toBe(true);
  }, 300_000);
});
