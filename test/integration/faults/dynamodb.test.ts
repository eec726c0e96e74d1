import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "../support/chat-client.ts";
import { clearFaultsAfterWindow, setFaults } from "../support/faults.ts";
import { expectLedgerSound, resumeFromLast, sendUntilAcked } from "../support/ledger.ts";
import { type LocalProcess, startLocalProcess } from "../support/local-process.ts";

/**
 * Long enough that the SDK's own three attempts (with their backoff, and the latency of a busy 2-core
 * machine) give up inside it, short enough for a quick file; it is counted from the first injected
 * fault, so a slow machine cannot let it pass before the sends arrive.
 */
const WINDOW_MS = 5_000;
const UNTIL_CLEARED_MS = 10 * 60_000;
/**
 * Alone a test takes 6–9 s. Beside the browser and unit projects on 2 cores, its waits add up (the first
 * injection, the window, each refused send's retry-after, the SDK's own backoff, the closure): one full
 * run took the throttling test past 60 s.
 */
const TEST_TIMEOUT_MS = 120_000;

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
  return { client, chatId };
}

/** Every DynamoDB call of `actions` fails with `error` until the test clears the plan. */
const failActionsTable = (error: "ThrottlingException" | "InternalServerError") =>
  setFaults(stack.httpUrl, [
    { service: "dynamodb", error, functionName: "actions", durationMs: UNTIL_CLEARED_MS },
  ]);

async function sendThrough(client: ChatClient, chatId: string, texts: readonly string[]) {
  const outcomes = await Promise.all(texts.map((text) => sendUntilAcked(client, chatId, text)));
  return {
    acks: outcomes.map((outcome) => outcome.ack),
    refusals: outcomes.flatMap((outcome) => outcome.refusals),
  };
}

/** Sends `texts` until acknowledged while the faults last (cleared after the window), then resumes and ends. */
async function throughTheWindow(client: ChatClient, chatId: string, texts: readonly string[]) {
  const sending = sendThrough(client, chatId, texts);
  const injected = await clearFaultsAfterWindow(stack.httpUrl, WINDOW_MS);
  const { acks, refusals } = await sending;
  await resumeFromLast(client, chatId);
  const ended = await endAndWait(client, chatId);
  return { injected, acks, refusals, ended };
}

async function endAndWait(client: ChatClient, chatId: string) {
  const ending = await client.request({ action: "endChat", chatId }, "chatEnding");
  expect(ending.type).toBe("chatEnding");
  return client.next((frame) => frame.type === "chatEnded" && frame.chatId === chatId, 20_000);
}

describe("DynamoDB faults", () => {
  it(
    "throttling for a while: the customer is told to retry (RATE_LIMITED), nothing is lost or doubled",
    async () => {
      // Prepare
      const { client, chatId } = await customer();
      await failActionsTable("ThrottlingException");

      // Act
      const texts = ["throttled one", "throttled two", "throttled three"];
      const { injected, acks, refusals, ended } = await throughTheWindow(client, chatId, texts);

      // Assess
      expect(injected).toBeGreaterThan(0);
      expect(refusals.length).toBeGreaterThan(0);
      for (const refusal of refusals) {
        expect(refusal.code).toBe("RATE_LIMITED");
        expect(refusal.retryAfterSeconds).toBeGreaterThan(0);
      }
      expect(new Set(acks.map((ack) => ack.seq)).size).toBe(texts.length);
      await expectLedgerSound(client, chatId, texts);
      expect(ended.caseNumber).toEqual(expect.any(String));
      expect(stack.output()).toContain('"ServiceThrottled"');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "5xx for a while: INTERNAL before any commit, the retries land once each, the chat still closes",
    async () => {
      // Prepare
      const { client, chatId } = await customer();
      await failActionsTable("InternalServerError");

      // Act
      const texts = ["through a 5xx one", "through a 5xx two"];
      const { injected, acks, refusals, ended } = await throughTheWindow(client, chatId, texts);

      // Assess
      expect(injected).toBeGreaterThan(0);
      expect(refusals.map((refusal) => refusal.code)).toContain("INTERNAL");
      expect(refusals.every((refusal) => refusal.code === "INTERNAL")).toBe(true);
      expect(new Set(acks.map((ack) => ack.seq)).size).toBe(texts.length);
      await expectLedgerSound(client, chatId, texts);
      expect(ended.caseNumber).toEqual(expect.any(String));
    },
    TEST_TIMEOUT_MS,
  );
});
