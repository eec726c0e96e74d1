import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expiryAfter } from "../../functions/lib/data/retention.ts";
import type { ErasureReport } from "../../functions/lib/privacy/erasure-report.ts";
import { uniqueStamp } from "../../local/unique-stamp.ts";
import { fastRouting } from "./fixtures/fast-routing.ts";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";
import { connectAgent, offerFor } from "./support/handoff-stack.ts";
import { type LocalProcess, startLocalProcess } from "./support/local-process.ts";
import { scanLocalTable, scanUntil, type TableItem } from "./support/local-table.ts";

/**
 * Retention and erasure on a runtime of its own, started with retention periods other than the
 * defaults, so that the test shows the configured periods reach the table through the runtime contract.
 */
const PERIODS = { transcript: 30, case: 3650, idempotency: 2, agent: 14, queue: 21 };
const DAY = 86_400;
const projectRoot = resolve(fileURLToPath(import.meta.url), "../../..");
/** Generous waits for frames: the machines these run on are often shared and busy. */
const WAIT = 30_000;

let stack: LocalProcess;
const open: ChatClient[] = [];

beforeAll(async () => {
  const routing = join(mkdtempSync(join(tmpdir(), "carechat-routing-")), "routing.json");
  writeFileSync(routing, JSON.stringify(fastRouting()));
  stack = await startLocalProcess({
    env: {
      CARECHAT_ROUTING_FILE: routing,
      CARECHAT_TICK_MS: "1000",
      RETENTION_TRANSCRIPT_DAYS: String(PERIODS.transcript),
      RETENTION_CASE_DAYS: String(PERIODS.case),
      RETENTION_IDEMPOTENCY_DAYS: String(PERIODS.idempotency),
      RETENTION_AGENT_DAYS: String(PERIODS.agent),
      RETENTION_QUEUE_DAYS: String(PERIODS.queue),
    },
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await stack?.stop();
});

async function customer(claims: Record<string, unknown>, text: string) {
  const token = await devToken(stack.httpUrl, customerClaims(claims));
  const client = await ChatClient.connect(stack.wsUrl, token);
  open.push(client);
  const started = await client.request({ action: "startChat", text }, "chatStarted", WAIT);
  return { client, chatId: String(started.chatId) };
}

async function presence(client: ChatClient, status: "available" | "offline") {
  const reply = await client.request({ action: "setPresence", status }, "presence", WAIT);
  expect(reply.type).toBe("presence");
}

/** A chat with the assistant, ended by the customer; resolves once `chatEnded` arrived. */
async function endedChat(sub: string, texts: readonly string[]) {
  const { client, chatId } = await customer({ sub, country: "US", locale: "en-US" }, "Hello");
  for (const [index, text] of texts.entries())
    await client.request({ action: "sendMessage", chatId, clientMessageId: `m-${index}`, text }, "ack", WAIT);
  await client.request({ action: "endChat", chatId }, "chatEnding", WAIT);
  const ended = await client.nextOfType("chatEnded", WAIT);
  return { client, chatId, caseNumber: String(ended.caseNumber) };
}

const inChat = (chatId: string) => (item: TableItem) => item.pk === `CHAT#${chatId}`;
const mentions = (needle: string) => (item: TableItem) => JSON.stringify(item).includes(needle);

describe("retention at closure", () => {
  it("gives every item of an ended chat and its case the configured expiry, and agent and queue items theirs", async () => {
    // Prepare
    const started = Date.now();
    const agent = await connectAgent(stack, { queues: ["us-disputes-en"], name: "Sam Taylor" });
    open.push(agent.client);
    await presence(agent.client, "available");
    const { client, chatId } = await customer(
      { country: "US", locale: "en-US", segment: "consumer" },
      "I want to dispute a charge",
    );

    // Act
    await client.request(
      { action: "sendMessage", chatId, clientMessageId: "c-1", text: "Still there?" },
      "ack",
      WAIT,
    );
    await client.request({ action: "requestAgent", chatId }, "queued", WAIT);
    await agent.client.next(offerFor(chatId), WAIT);
    await agent.client.request({ action: "acceptChat", chatId }, "chatAssigned", WAIT);
    await agent.client.request(
      { action: "sendMessage", chatId, clientMessageId: "a-1", text: "Hello, I can help." },
      "ack",
      WAIT,
    );
    await client.request({ action: "endChat", chatId }, "chatEnding", WAIT);
    const ended = await agent.client.nextOfType("chatEnded", WAIT);
    const items = await scanUntil(stack, (all) =>
      all.some((item) => item.pk === `AGENT#${agent.id}` && item.activeChats === 0),
    );
    const finished = Date.now();

    // Assess
    const meta = items.find((item) => inChat(chatId)(item) && item.sk === "META");
    const endedAt = String(meta?.endedAt);
    const transcript = expiryAfter(endedAt, PERIODS.transcript);
    const chatItems = items.filter(inChat(chatId));
    expect(chatItems.filter((item) => item.sk.startsWith("MSG#")).length).toBeGreaterThanOrEqual(4);
    expect(chatItems.filter((item) => item.sk.startsWith("CMID#")).length).toBe(2);
    for (const item of chatItems) {
      if (item.sk.startsWith("CMID#")) expect(item.expiresAt).toBe(expiryAfter(endedAt, PERIODS.idempotency));
      else if (item.sk.startsWith("CONN#")) expect(item.expiresAt).toBeLessThanOrEqual(transcript);
      else expect(item.expiresAt, item.sk).toBe(transcript);
    }
    expect(meta?.gsi1pk).toEqual(expect.stringMatching(/^USER#/));
    const caseItem = items.find((item) => item.pk === `CASE#${ended.caseNumber}`);
    expect(caseItem).toMatchObject({ chatId, expiresAt: expiryAfter(endedAt, PERIODS.case) });
    const window = (days: number) => [
      Math.floor(started / 1000) + days * DAY,
      Math.ceil(finished / 1000) + days * DAY,
    ];
    const agentItem = items.find((item) => item.pk === `AGENT#${agent.id}`);
    const [agentFrom, agentTo] = window(PERIODS.agent);
    expect(agentItem?.expiresAt).toBeGreaterThanOrEqual(agentFrom ?? 0);
    expect(agentItem?.expiresAt).toBeLessThanOrEqual(agentTo ?? 0);
    const stats = items.find((item) => item.pk === "QUEUE#us-disputes-en" && item.sk === "STATS");
    const [statsFrom, statsTo] = window(PERIODS.queue);
    expect(stats?.expiresAt).toBeGreaterThanOrEqual(statsFrom ?? 0);
    expect(stats?.expiresAt).toBeLessThanOrEqual(statsTo ?? 0);
    await presence(agent.client, "offline");
  }, 180_000);
});

/** `npm run erase -- --sub <id>` against the runtime, found through its data directory. */
function runErase(sub: string): Promise<{ code: number | null; report: ErasureReport; stderr: string }> {
  // Without TABLE_NAME the script finds the runtime through its data directory, as after `npm start`.
  const { TABLE_NAME: _unused, ...inherited } = process.env;
  const env = { ...inherited, CARECHAT_DATA_DIR: stack.dataDir };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/erase-customer.ts", "--sub", sub], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((done, fail) => {
    child.once("error", fail);
    child.once("exit", (code) => {
      try {
        done({ code, report: JSON.parse(stdout) as ErasureReport, stderr });
      } catch {
        fail(new Error(`erase printed no report (exit ${code}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

describe("erasure", () => {
  it("removes everything of one customer, leaves the other customer's items as they were, and counts", async () => {
    // Prepare
    const ana = `erase-ana-${uniqueStamp()}`;
    const bo = `erase-bo.agent@bank.example-${uniqueStamp()}`;
    const anaEnded = await endedChat(ana, ["my card was declined", "at the grocery store"]);
    const anaOpen = await customer({ sub: ana, country: "US", locale: "en-US" }, "What is my balance?");
    await anaOpen.client.request(
      { action: "sendMessage", chatId: anaOpen.chatId, clientMessageId: "o-1", text: "hello?" },
      "ack",
      WAIT,
    );
    const boEnded = await endedChat(bo, ["lost card"]);
    const boOpen = await customer({ sub: bo, country: "US", locale: "en-US" }, "Hi");
    const before = await scanLocalTable(stack);
    const anaChats = [anaEnded.chatId, anaOpen.chatId];
    const anaItems = before.filter(
      (item) => anaChats.some((chatId) => inChat(chatId)(item)) || item.pk === `CASE#${anaEnded.caseNumber}`,
    );
    const boItems = before.filter(
      (item) =>
        inChat(boEnded.chatId)(item) ||
        inChat(boOpen.chatId)(item) ||
        item.pk === `CASE#${boEnded.caseNumber}`,
    );
    const count = (prefix: string) =>
      anaItems.filter((item) => item.pk.startsWith("CHAT#") && item.sk.startsWith(prefix)).length;

    // Act
    const { code, report } = await runErase(ana);
    const afterErase = await scanLocalTable(stack);
    await anaEnded.client.close();
    await anaOpen.client.close();
    const afterDisconnect = await scanUntil(stack, (all) => !all.some(mentions(ana)), 10_000);

    // Assess
    expect(code).toBe(0);
    expect(report).toMatchObject({ customerId: ana, erased: true, refused: [] });
    expect([...report.chatIds].sort()).toEqual([...anaChats].sort());
    expect(report.counts).toEqual({
      chats: 2,
      messages: count("MSG#"),
      idempotencyKeys: count("CMID#"),
      subscriptions: count("CONN#"),
      // Both chats have a case: a chat's case exists from its start.
      cases: 2,
      rateLimits: count("LIMIT#"),
      other: 0,
    });
    expect(count("MSG#")).toBeGreaterThanOrEqual(5);
    expect(count("CMID#")).toBe(3);
    // Only the state of the customer's still-open connections names them until they disconnect: the
    // connection records, their count, and the token's index of them (for a revocation by token id).
    const connectionState = (item: TableItem) =>
      (item.sk === "CONN" && item.pk.startsWith("CONN#")) ||
      (item.sk === "CONNECTIONS" && item.pk.startsWith("USER#")) ||
      (item.pk.startsWith("TOKEN#") && item.sk.startsWith("CONN#"));
    expect(afterErase.filter(mentions(ana)).every(connectionState)).toBe(true);
    for (const chatId of anaChats) expect(afterErase.filter(mentions(chatId))).toEqual([]);
    expect(afterErase.filter(mentions(anaEnded.caseNumber))).toEqual([]);
    expect(afterDisconnect.filter(mentions(ana))).toEqual([]);
    const boAfter = afterDisconnect.filter((item) =>
      boItems.some((old) => old.pk === item.pk && old.sk === item.sk),
    );
    expect(boAfter).toEqual(boItems);
    expect(boItems.length).toBeGreaterThanOrEqual(6);
  }, 180_000);

  it("refuses while a chat waits for an agent, erasing nothing, and erases once it has ended", async () => {
    // Prepare
    const cy = `erase-cy-${uniqueStamp()}`;
    const { client, chatId } = await customer(
      { sub: cy, country: "US", locale: "en-US", segment: "consumer" },
      "I want to dispute a charge",
    );
    await client.request({ action: "requestAgent", chatId }, "queued", WAIT);
    const before = (await scanLocalTable(stack)).filter(inChat(chatId));

    // Act
    const refused = await runErase(cy);
    const during = (await scanLocalTable(stack)).filter(inChat(chatId));
    await client.request({ action: "endChat", chatId }, "chatEnding", WAIT);
    await client.nextOfType("chatEnded", WAIT);
    const erased = await runErase(cy);
    const after = (await scanLocalTable(stack)).filter(inChat(chatId));

    // Assess
    expect(refused.code).toBe(2);
    expect(refused.report).toMatchObject({ erased: false, refused: [{ chatId, state: "queued" }] });
    expect(refused.report.counts.messages).toBe(0);
    expect(during.map((item) => item.sk)).toEqual(before.map((item) => item.sk));
    expect(erased.code).toBe(0);
    expect(erased.report).toMatchObject({ erased: true, chatIds: [chatId], counts: { chats: 1, cases: 1 } });
    expect(after).toEqual([]);
  }, 180_000);
});
