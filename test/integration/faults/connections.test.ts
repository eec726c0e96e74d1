import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "../support/chat-client.ts";
import { clearFaults, faultReport, setFaults } from "../support/faults.ts";
import { expectLedgerSound, resumeFromLast, seqCounts } from "../support/ledger.ts";
import { type LocalProcess, startLocalProcess } from "../support/local-process.ts";
import { scanLocalTable } from "../support/local-table.ts";

/**
 * `@connections` answering 429 for a while: the sender retries each post for 2 s (frame-sender.ts), so
 * any window longer than that has the same outcome as the 30 s (the posts are given up and the
 * frames are recovered by `resume`). The window lasts until both sends were acknowledged and at least
 * 3 s (a slow machine must not see it end while a post is still being retried);
 * FAULT_WINDOW_MS=30000 runs the full window.
 */
const WINDOW_MS = Number(process.env.FAULT_WINDOW_MS ?? 3_000);

let stack: LocalProcess;
beforeAll(async () => {
  stack = await startLocalProcess({ outputLimit: 2_000_000 });
});
afterAll(async () => {
  await stack?.stop();
});

async function customer() {
  const token = await devToken(stack.httpUrl, customerClaims());
  const client = await ChatClient.connect(stack.wsUrl, token);
  const started = await client.request({ action: "startChat" }, "chatStarted");
  const chatId = String(started.chatId);
  await client.next((frame) => frame.type === "message" && frame.chatId === chatId);
  return { token, client, chatId };
}

const send = (client: ChatClient, chatId: string, text: string) =>
  client.request({ action: "sendMessage", chatId, clientMessageId: text, text }, "ack", 20_000);

describe("@connections faults", () => {
  it("429 for a window: every send is acknowledged, posts given up are counted, resume recovers them", async () => {
    // Prepare
    const { client, chatId } = await customer();
    await setFaults(stack.httpUrl, [
      {
        service: "connections",
        operation: "PostToConnection",
        error: "LimitExceededException",
        durationMs: 10 * 60_000,
      },
    ]);
    const windowEnds = Date.now() + WINDOW_MS;

    // Act
    const texts = ["during the throttle one", "during the throttle two"];
    const acks = [];
    for (const text of texts) acks.push(await send(client, chatId, text));
    // The posts of both messages are given up within 2 s of their first attempt.
    await new Promise((resolve) => setTimeout(resolve, Math.max(2_500, windowEnds - Date.now())));
    const injected = (await faultReport(stack.httpUrl)).injected;
    await clearFaults(stack.httpUrl);
    const after = await send(client, chatId, "after the throttle");
    await resumeFromLast(client, chatId);

    // Assess
    expect(acks.map((ack) => [ack.type, ack.duplicate])).toEqual([
      ["ack", false],
      ["ack", false],
    ]);
    expect(after.type).toBe("ack");
    expect(injected).toBeGreaterThan(2);
    // The first throttled message never arrived live: only resume brought it.
    await expectLedgerSound(client, chatId, [...texts, "after the throttle"]);
    // Metrics are flushed when the invocation ends, which may be after the replies the test waited for.
    const deadline = Date.now() + 15_000;
    while (!stack.output().includes('"DeliveriesFailed"') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stack.output()).toContain('"DeliveriesFailed"');
  }, 60_000);

  it("500 for a few attempts: posts are retried within the budget, each delivered once, without a gap", async () => {
    // Prepare
    const { client, chatId } = await customer();
    await setFaults(stack.httpUrl, [
      { service: "connections", operation: "PostToConnection", error: "InternalServerError", count: 4 },
    ]);

    // Act
    const ack = await send(client, chatId, "through the 5xx");
    await client.next((frame) => frame.type === "message" && frame.seq === ack.seq);
    // Posts still being retried (the greeting's, say) arrive after the message: wait for every seq so far.
    const received = () => new Set(client.messages(chatId).map((frame) => Number(frame.seq)));
    const newest = Math.max(...received());
    const missing = () =>
      Array.from({ length: newest }, (_, index) => index + 1).filter((seq) => !received().has(seq));
    await expect.poll(missing, { timeout: 15_000 }).toEqual([]);
    const report = await faultReport(stack.httpUrl);
    await clearFaults(stack.httpUrl);

    // Assess
    expect(ack.type).toBe("ack");
    expect(report.injected).toBe(4);
    const counts = seqCounts(client.frames, chatId);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    // Frames of one invocation reach a connection in order; a post retried in one invocation can be
    // overtaken by another invocation's (the greeting's last posts, still being retried, by the message), which
    // is why clients order by seq.
    const seqs = client.messages(chatId).map((frame) => Number(frame.seq));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs.map((_seq, index) => index + 1));
    await expectLedgerSound(client, chatId, ["through the 5xx"]);
  }, 60_000);

  it("410 for one connection: it is forgotten and never posted to again; the other one gets everything", async () => {
    // Prepare
    const { token, client, chatId } = await customer();
    const second = await ChatClient.connect(stack.wsUrl, token);
    await second.request({ action: "resume", chatId, afterSeq: 0 }, "resumed");
    const items = await scanLocalTable(stack);
    expect(items.filter((item) => item.pk === `CHAT#${chatId}` && item.sk.startsWith("CONN#"))).toHaveLength(
      2,
    );
    // The second device's connection (the later one) is the one API Gateway will call gone.
    const own = items
      .filter(
        (item) =>
          item.sk === "CONN" &&
          items.some((s) => s.pk === `CHAT#${chatId}` && s.sk === `CONN#${item.connectionId}`),
      )
      .sort((a, b) => String(a.connectedAt).localeCompare(String(b.connectedAt)));
    expect(own).toHaveLength(2);
    const gone = String(own[1]?.connectionId);
    await setFaults(stack.httpUrl, [
      { service: "connections", error: "GoneException", connectionId: gone, durationMs: 60_000 },
    ]);

    // Act
    const first = await send(client, chatId, "first after the 410");
    const later = await send(client, chatId, "second after the 410");
    const report = await faultReport(stack.httpUrl);
    await clearFaults(stack.httpUrl);
    const after = await scanLocalTable(stack);

    // Assess
    expect(
      [first, later].map((frame) => frame.type),
      JSON.stringify(later),
    ).toEqual(["ack", "ack"]);
    // One 410 per frame of the first send's batch at most, then nothing more: the connection was forgotten.
    const answeredGone = report.injected;
    expect(answeredGone).toBeGreaterThanOrEqual(1);
    expect(after.some((item) => item.pk === `CHAT#${chatId}` && item.sk === `CONN#${gone}`)).toBe(false);
    expect(after.some((item) => item.pk === `CONN#${gone}`)).toBe(false);
    const survivor = client;
    expect(survivor.messages(chatId).some((frame) => frame.seq === later.seq)).toBe(true);
    // What API Gateway calls gone is gone: that device comes back on a new connection and resumes.
    const forgotten = second;
    const missed = forgotten.messages(chatId).filter((frame) => Number(frame.seq) >= Number(first.seq));
    expect(missed).toEqual([]);
    await forgotten.close();
    const back = await ChatClient.connect(stack.wsUrl, token);
    for (const frame of forgotten.messages(chatId)) back.frames.push(frame);
    await resumeFromLast(back, chatId);
    await expectLedgerSound(back, chatId, ["first after the 410", "second after the 410"]);
    await expectLedgerSound(survivor, chatId, ["first after the 410", "second after the 410"]);
  }, 60_000);
});
