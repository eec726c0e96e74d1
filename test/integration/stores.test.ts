import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffIdentity } from "../../functions/lib/auth/identity.ts";
import { documentClient } from "../../functions/lib/aws/document-client.ts";
import type { QueueEntry } from "../../functions/lib/data/agent-records.ts";
import { AgentStore } from "../../functions/lib/data/agent-store.ts";
import { ChatStore } from "../../functions/lib/data/chat-store.ts";
import { ConnectionStore } from "../../functions/lib/data/connection-store.ts";
import { queueEntrySk } from "../../functions/lib/data/keys.ts";
import { QueueStore } from "../../functions/lib/data/queue-store.ts";
import type { ChatRecord } from "../../functions/lib/data/records.ts";
import { RETRY, retryOnConflict } from "../../functions/lib/data/retry-on-conflict.ts";
import { Transactions } from "../../functions/lib/data/transaction.ts";
import { type LocalDynamo, localCredentials, startDynamoDbLocal } from "../../local/dynamodb-local.ts";

/**
 * The stores against DynamoDB Local itself (no local stack): the conditions and expressions they
 * build are checked by the real engine. Each test uses its own chat, agent and queue ids.
 */
const TABLE = "carechat-stores";
let dynamo: LocalDynamo;
let dataDir: string;
let chats: ChatStore;
let agents: AgentStore;
let queues: QueueStore;
let connections: ConnectionStore;
let transactions: Transactions;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "carechat-stores-"));
  dynamo = await startDynamoDbLocal(dataDir, TABLE);
  Object.assign(process.env, {
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  });
  delete process.env.AWS_PROFILE;
  const documents = documentClient();
  chats = new ChatStore(documents, TABLE);
  agents = new AgentStore(documents, TABLE);
  queues = new QueueStore(documents, TABLE);
  connections = new ConnectionStore(documents, TABLE);
  transactions = new Transactions(documents);
});

afterAll(async () => {
  await dynamo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Creates a chat held by the assistant, its customer connected and subscribed. */
async function createChat(chatId: string): Promise<ChatRecord> {
  const now = new Date().toISOString();
  const customerId = `customer-${chatId}`;
  const connectionId = `conn-${chatId}`;
  await connections.put({
    connectionId,
    userId: customerId,
    role: "customer",
    name: "Ana",
    connectedAt: now,
    expiresAt: 0,
  });
  const chat: ChatRecord = {
    chatId,
    state: "assistant",
    createdAt: now,
    updatedAt: now,
    customer: { id: customerId, name: "Ana", country: "US", locale: "en-US", segment: "consumer" },
    participants: { [customerId]: { role: "customer", name: "Ana", joinedAt: now } },
    assistant: { language: "en", details: {}, turns: 1, agentOffered: false },
    lastSeq: 1,
  };
  const greeting = { seq: 1, from: { role: "assistant" as const }, text: "Hi", sentAt: now, redacted: false };
  await chats.create(chat, [greeting], { connectionId, userId: customerId, role: "customer" });
  return chat;
}

const message = (text: string) => ({
  from: { role: "customer" as const, id: "customer-x" },
  text,
  sentAt: new Date().toISOString(),
  redacted: false,
});

describe("chatUpdateItem", () => {
  it("sets and removes a participant whose id holds dots, @, # and non-ASCII, as one key", async () => {
    // Prepare
    const chat = await createChat("chat-paths");
    const id = "bo.agent@bank.example#2 Zoë-東京";
    const participant = { role: "agent", name: "Bo", joinedAt: new Date().toISOString() };

    // Act
    const set = await transactions.commit([
      chats.updateItem(chat.chatId, {
        set: [[["participants", id], participant]],
        fromStates: ["assistant"],
      }),
    ]);
    const afterSet = await chats.get(chat.chatId);
    const removed = await transactions.commit([
      chats.updateItem(chat.chatId, { remove: [["participants", id]], fromStates: ["assistant"] }),
    ]);
    const afterRemove = await chats.get(chat.chatId);

    // Assess
    expect(set).toBe(true);
    expect(afterSet?.participants[id]).toEqual(participant);
    expect(Object.keys(afterSet?.participants ?? {}).sort()).toEqual([chat.customer.id, id].sort());
    expect(removed).toBe(true);
    expect(Object.keys(afterRemove?.participants ?? {})).toEqual([chat.customer.id]);
  });
});

describe("ChatStore.append", () => {
  it("answers a repeated clientMessageId with the stored seq, and an old read with stale", async () => {
    // Prepare
    const chat = await createChat("chat-idempotent");
    const idempotency = { senderId: chat.customer.id, clientMessageId: "m-1" };
    const allowedStates = ["assistant"] as const;

    // Act
    const first = await chats.append({ chat, messages: [message("one")], allowedStates, idempotency });
    const fresh = (await chats.get(chat.chatId)) as ChatRecord;
    const repeat = await chats.append({
      chat: fresh,
      messages: [message("one")],
      allowedStates,
      idempotency,
    });
    const stale = await chats.append({ chat, messages: [message("two")], allowedStates });

    // Assess
    expect(first).toMatchObject({ kind: "stored", messages: [{ seq: 2 }] });
    expect(repeat).toEqual({ kind: "duplicate", seq: 2 });
    expect(stale).toEqual({ kind: "stale" });
    expect((await chats.listAllMessages(chat.chatId)).map((stored) => stored.seq)).toEqual([1, 2]);
  });

  it("stores all of 10 racing appends under gapless seqs, retrying the stale ones", async () => {
    // Prepare
    const chat = await createChat("chat-race");
    let stale = 0;
    const send = (n: number) =>
      retryOnConflict(
        async () => {
          const current = (await chats.get(chat.chatId)) as ChatRecord;
          const result = await chats.append({
            chat: current,
            messages: [message(`racer ${n}`)],
            allowedStates: ["assistant"],
            idempotency: { senderId: chat.customer.id, clientMessageId: `race-${n}` },
          });
          if (result.kind === "stale") stale += 1;
          return result.kind === "stale" ? RETRY : result;
        },
        { operation: "test-append", budgetMs: 20_000 },
      );

    // Act
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => send(n)));

    // Assess
    expect(results.every((result) => result.kind === "stored")).toBe(true);
    const stored = await chats.listAllMessages(chat.chatId);
    expect(stored.map((entry) => entry.seq)).toEqual(Array.from({ length: 11 }, (_, index) => index + 1));
    expect(new Set(stored.slice(1).map((entry) => entry.text)).size).toBe(10);
    expect((await chats.get(chat.chatId))?.lastSeq).toBe(11);
    expect(stale).toBeGreaterThan(0);
  });
});

describe("Transactions.commit", () => {
  it("answers false on a failed condition and writes none of the items", async () => {
    // Prepare
    const chat = await createChat("chat-atomic");
    const now = new Date().toISOString();
    const entry: QueueEntry = {
      queueId: "atomic",
      sk: queueEntrySk(0, now, chat.chatId),
      chatId: chat.chatId,
      customerId: chat.customer.id,
      priority: 0,
      enqueuedAt: now,
      queuedAt: now,
      language: "en",
      state: "waiting",
      context: { language: "en", country: "US", segment: "consumer", customerName: "Ana", details: {} },
    };

    // Act
    const committed = await transactions.commit([
      queues.putItem(entry),
      chats.updateItem(chat.chatId, { set: [["state", "queued"]], fromStates: ["ended"] }),
    ]);

    // Assess
    expect(committed).toBe(false);
    expect(await queues.get(entry.queueId, entry.sk)).toBeUndefined();
    expect((await chats.get(chat.chatId))?.state).toBe("assistant");
  });
});

describe("AgentStore slots", () => {
  const identity: StaffIdentity = {
    sub: "agent.slots@bank.example",
    role: "agent",
    name: "Slots",
    queues: ["*"],
    languages: ["en"],
    maxChats: 3,
  };

  it("never lets 8 concurrent reservations take more than maxChats, and releases one slot per item", async () => {
    // Prepare
    await agents.setPresence(identity, "available");
    const reserve = () =>
      retryOnConflict(
        async () => {
          const agent = await agents.get(identity.sub);
          if (!agent || agent.activeChats >= agent.maxChats) return false;
          return (await transactions.commit([agents.reserveSlotItem(agent)])) ? true : RETRY;
        },
        { operation: "test-reserve", budgetMs: 20_000 },
      );

    // Act
    const taken = await Promise.all(Array.from({ length: 8 }, reserve));
    const full = await agents.get(identity.sub);
    const isReady = async () => (await agents.listReady()).some((agent) => agent.agentId === identity.sub);
    const readyWhenFull = await isReady();
    const overbook = full ? await transactions.commit([agents.reserveSlotItem(full)]) : undefined;
    const staleRelease = full
      ? await transactions.commit([agents.releaseSlotItem({ ...full, activeChats: 2 })])
      : undefined;
    const release = full ? await transactions.commit([agents.releaseSlotItem(full)]) : undefined;

    // Assess
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(full?.activeChats).toBe(3);
    expect(readyWhenFull).toBe(false);
    expect(overbook).toBe(false);
    expect(staleRelease).toBe(false);
    expect(release).toBe(true);
    expect((await agents.get(identity.sub))?.activeChats).toBe(2);
    expect(await isReady()).toBe(true);
  });
});

describe("QueueStore.updateStats", () => {
  it("counts every one of 10 concurrent updates", async () => {
    // Prepare
    const queueId = "stats-race";
    const bump = () => queues.updateStats(queueId, (stats) => ({ ...stats, samples: stats.samples + 1 }));

    // Act
    await Promise.all(Array.from({ length: 10 }, bump));

    // Assess
    expect((await queues.stats(queueId)).samples).toBe(10);
  });
});
