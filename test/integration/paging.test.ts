import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatStore } from "../../functions/lib/data/chat-store.ts";
import { ACTIVE_STATES } from "../../functions/lib/kernel/chat-access.ts";
import { MAX_MESSAGE_BYTES } from "../../functions/lib/protocol/limits.ts";
import { localCredentials } from "../../local/dynamodb-local.ts";
import { readRuntimeFile } from "../../local/runtime-file.ts";
import type { ChatClient } from "./support/chat-client.ts";
import {
  available,
  connectAgent,
  customerChat,
  offerFor,
  startHandoffStack,
} from "./support/handoff-stack.ts";
import { transcriptOf } from "./support/ledger.ts";
import type { LocalProcess } from "./support/local-process.ts";
import { scanLocalTable } from "./support/local-table.ts";

/**
 * Long histories under API Gateway's 128 KB server-message limit, which the local gateway enforces
 * (a route reply over it is never sent; an `@connections` post over it is answered 413). 60 messages of
 * 4,000 characters are ~250 KB. They are stored with the message path's own ChatStore.append: through
 * `sendMessage` the per-user rate limit (a burst of 20, then one every 2 s) would make this take 80 s.
 */
const MESSAGES = 60;
const TEXT_CHARS = 4_000;

let stack: LocalProcess;
let store: ChatStore;
let documents: DynamoDBDocumentClient;
const open: ChatClient[] = [];
beforeAll(async () => {
  stack = await startHandoffStack();
  const runtime = readRuntimeFile(stack.dataDir);
  if (!runtime) throw new Error("no runtime file");
  documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: runtime.dynamodbEndpoint,
      region: "us-east-1",
      credentials: localCredentials,
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  store = new ChatStore(documents, runtime.tableName);
});
afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  documents?.destroy();
  await stack?.stop();
});

const longText = (index: number) => `${String(index).padStart(3, "0")} ${"é".repeat(TEXT_CHARS - 4)}`;

async function writeHistory(chatId: string, customerId: string) {
  for (let index = 0; index < MESSAGES; index += 1) {
    const chat = await store.get(chatId);
    if (!chat) throw new Error("no chat");
    const result = await store.append({
      chat,
      messages: [
        {
          from: { role: "customer", id: customerId },
          text: longText(index),
          sentAt: new Date().toISOString(),
          redacted: false,
        },
      ],
      allowedStates: ACTIVE_STATES,
    });
    expect(result.kind).toBe("stored");
  }
}

const bytes = (frame: unknown) => Buffer.byteLength(JSON.stringify(frame));

describe("paging under 128 KB", () => {
  it("chatAssigned carries the newest page, getTranscript the rest; resume replays all, one message per frame", async () => {
    // Prepare
    const agent = await connectAgent(stack, { queues: ["us-consumer-en"] });
    open.push(agent.client);
    await available(agent.client);
    const { client, chatId } = await customerChat(stack);
    open.push(client);
    const customerId = String((await store.get(chatId))?.customer.id);
    await writeHistory(chatId, customerId);

    // Act
    client.send({ action: "requestAgent", chatId });
    await agent.client.next(offerFor(chatId), 20_000);
    const assigned = await agent.client.request({ action: "acceptChat", chatId }, "chatAssigned", 20_000);
    const older = await transcriptOf(agent.client, chatId);
    const resumed = await client.request({ action: "resume", chatId, afterSeq: 0 }, "resumed", 30_000);

    // Assess
    expect(assigned.type).toBe("chatAssigned");
    expect(bytes(assigned)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(assigned.historyComplete).toBe(false);
    const history = assigned.history as { seq: number; text: string }[];
    expect(history.length).toBeGreaterThan(5);
    expect(history[0]?.seq).toBe(assigned.historyFromSeq);
    // The newest page ends at the newest message before the accept; the transcript has everything.
    const stored = older.filter((entry) => entry.text.endsWith("é"));
    expect(stored).toHaveLength(MESSAGES);
    // (after it, at most the "agent joined" notice the accept itself posted)
    expect(history.filter((entry) => entry.text.endsWith("é")).at(-1)?.text).toBe(longText(MESSAGES - 1));
    for (const entry of history) expect(older.find((each) => each.seq === entry.seq)?.text).toBe(entry.text);
    const replayed = client.messages(chatId).filter((frame) => String(frame.text).endsWith("é"));
    expect(new Set(replayed.map((frame) => frame.seq)).size).toBe(MESSAGES);
    for (const frame of client.frames) expect(bytes(frame)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(Number(resumed.lastSeq)).toBeGreaterThanOrEqual(MESSAGES);
  }, 120_000);

  it("the local gateway answers a server message over 128 KB with 413, as API Gateway does", async () => {
    // Prepare
    const { client, chatId } = await customerChat(stack);
    open.push(client);
    const subscription = (await scanLocalTable(stack)).find(
      (item) => item.pk === `CHAT#${chatId}` && item.sk.startsWith("CONN#"),
    );
    const url = `${stack.httpUrl}/local/@connections/${encodeURIComponent(String(subscription?.connectionId))}`;

    // Act
    const tooLong = await fetch(url, { method: "POST", body: "x".repeat(MAX_MESSAGE_BYTES + 1) });
    const fits = await fetch(url, { method: "POST", body: JSON.stringify({ type: "pong" }) });

    // Assess
    expect(tooLong.status).toBe(413);
    expect(tooLong.headers.get("x-amzn-errortype")).toBe("PayloadTooLargeException");
    expect(fits.status).toBe(200);
  }, 60_000);
});
