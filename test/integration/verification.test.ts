import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueStamp } from "../../local/unique-stamp.ts";
import { fastRouting } from "./fixtures/fast-routing.ts";
import { ChatClient, customerClaims, devToken, type Frame } from "./support/chat-client.ts";
import { type LocalProcess, startLocalProcess } from "./support/local-process.ts";
import { deskAgent, heldChat } from "./support/secure-steps.ts";
import { scanTable } from "./support/stack-contents.ts";

/**
 * In-session verification on a runtime of its own, logging at DEBUG with all output kept, so the test
 * can read every stored item and every log line for the values customers typed.
 */
let stack: LocalProcess;
let agent: Awaited<ReturnType<typeof deskAgent>>;
const clients: ChatClient[] = [];

beforeAll(async () => {
  const routing = join(mkdtempSync(join(tmpdir(), "carechat-routing-")), "routing.json");
  writeFileSync(routing, JSON.stringify(fastRouting()));
  stack = await startLocalProcess({
    env: { CARECHAT_ROUTING_FILE: routing, CARECHAT_TICK_MS: "1000", POWERTOOLS_LOG_LEVEL: "DEBUG" },
    outputLimit: 200_000_000,
  });
  agent = await deskAgent(stack, "us-consumer-en");
  clients.push(agent.client);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await stack?.stop();
});

// Two cards, so no chat record names one (a single card becomes the chat's account), and a postal code
// unlike any id or time: whatever of these turns up in the table or the logs leaked from a `verify`.
const CARDS = ["7391", "2846"];
const POSTAL_CODE = "WX7 3QZ";
const WRONG = [
  { last4: "5820", postalCode: "QT4 9RB" },
  { last4: "6093", postalCode: "QT4 9RC" },
  { last4: "1357", postalCode: "QT4 9RD" },
];
const claims = () => ({
  country: "US",
  locale: "en-US",
  segment: "consumer",
  accounts: CARDS.map((last4) => ({ last4 })),
  address: { postal_code: POSTAL_CODE },
});

async function openChat(customerOverrides: Record<string, unknown> = {}) {
  const held = await heldChat(stack, { ...claims(), ...customerOverrides }, agent);
  clients.push(held.customer);
  return held;
}

async function ask(held: Awaited<ReturnType<typeof openChat>>) {
  const reply = await held.agent.request(
    { action: "requestVerification", chatId: held.chatId },
    "verificationRequested",
  );
  const asked = await held.customer.next(
    (frame) => frame.type === "verificationRequested" && frame.verificationId === reply.verificationId,
  );
  return { reply, asked };
}

const resultAt = (client: ChatClient, verificationId: unknown, outcome: string) =>
  client.next(
    (frame) =>
      frame.type === "verificationResult" &&
      frame.verificationId === verificationId &&
      frame.outcome === outcome,
    20_000,
  );

describe("in-session verification", () => {
  it("verifies a customer whose answers match their token's claims; both sides see the outcome", async () => {
    // Prepare
    const held = await openChat();
    const { reply, asked } = await ask(held);

    // Act
    const result = await held.customer.request(
      {
        action: "verify",
        chatId: held.chatId,
        verificationId: asked.verificationId,
        last4: CARDS[1],
        postalCode: "wx73qz",
      },
      "verificationResult",
    );
    const atAgent = await resultAt(held.agent, asked.verificationId, "verified");

    // Assess
    expect(reply).toMatchObject({ chatId: held.chatId, fields: ["last4", "postalCode"] });
    expect(asked.fields).toEqual(["last4", "postalCode"]);
    expect(result).toMatchObject({ outcome: "verified", verificationId: asked.verificationId });
    expect(atAgent).toMatchObject({ outcome: "verified", verificationId: asked.verificationId });
    const again = await held.customer.request(
      {
        action: "verify",
        chatId: held.chatId,
        verificationId: asked.verificationId,
        last4: "0",
        postalCode: "0",
      },
      "verificationResult",
    );
    expect(again).toMatchObject({ type: "error", code: "CONFLICT" });
  }, 120_000);

  it("locks after three failures, tells the customer the number to call, and stays locked in a new chat", async () => {
    // Prepare
    const sub = `customer-lock-${uniqueStamp()}`;
    const held = await openChat({ sub });
    const { asked } = await ask(held);
    const outcomes: unknown[] = [];

    // Act
    for (const wrong of WRONG) {
      const result = await held.customer.request(
        { action: "verify", chatId: held.chatId, verificationId: asked.verificationId, ...wrong },
        "verificationResult",
      );
      outcomes.push(result.outcome);
    }
    const locked = held.customer.frames.find(
      (frame) => frame.type === "verificationResult" && frame.outcome === "locked",
    ) as Frame;
    const notice = await held.customer.next(
      (frame) => frame.type === "message" && String(frame.text).includes("1-800-528-4800"),
    );
    const atAgent = await resultAt(held.agent, asked.verificationId, "locked");
    const later = await openChat({ sub });
    const second = await ask(later);
    const right = await later.customer.request(
      {
        action: "verify",
        chatId: later.chatId,
        verificationId: second.asked.verificationId,
        last4: CARDS[0],
        postalCode: POSTAL_CODE,
      },
      "verificationResult",
    );

    // Assess
    expect(outcomes).toEqual(["failed", "failed", "locked"]);
    expect(locked.contactNumber).toBe("1-800-528-4800");
    expect(notice.from).toMatchObject({ role: "system" });
    expect(atAgent).toMatchObject({ outcome: "locked" });
    expect(right).toMatchObject({ outcome: "locked", contactNumber: "1-800-528-4800" });
  }, 120_000);

  it("refuses a request from anyone but the agent holding the chat, and answers from anyone but its customer", async () => {
    // Prepare
    const held = await openChat();
    const { asked } = await ask(held);
    const stranger = await ChatClient.connect(stack.wsUrl, await devToken(stack.httpUrl, customerClaims()));
    clients.push(stranger);

    // Act
    const byCustomer = await held.customer.request(
      { action: "requestVerification", chatId: held.chatId },
      "verificationRequested",
    );
    const byStranger = await stranger.request(
      {
        action: "verify",
        chatId: held.chatId,
        verificationId: asked.verificationId,
        last4: CARDS[0],
        postalCode: POSTAL_CODE,
      },
      "verificationResult",
    );
    const byAgent = await held.agent.request(
      {
        action: "verify",
        chatId: held.chatId,
        verificationId: asked.verificationId,
        last4: "1",
        postalCode: "1",
      },
      "verificationResult",
    );

    // Assess
    expect(byCustomer).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(byStranger).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(byAgent).toMatchObject({ type: "error", code: "FORBIDDEN" });
  }, 120_000);

  it("keeps every value typed out of the table, the logs and the frames; only the outcome is recorded", async () => {
    // Prepare: the earlier tests typed the right and the wrong values; the stack logged at DEBUG.
    const items = await scanTable(stack);
    const logs = stack.output();
    const typed = [...CARDS, ...WRONG.map((wrong) => wrong.last4)];
    const postalCodes = [POSTAL_CODE, ...WRONG.map((wrong) => wrong.postalCode)];
    // Digits not inside a longer number (timestamps and durations are full of digits).
    const digits = (value: string) => new RegExp(`(?<![\\d.])${value}(?![\\d.])`);
    const spellings = (code: string) => [
      code,
      code.replace(/\s/g, ""),
      code.toLowerCase().replace(/\s/g, ""),
    ];

    // Act
    const stored = JSON.stringify(items);
    const frames = JSON.stringify(
      clients.flatMap((client) => client.frames).filter((f) => f.type !== "chatAssigned"),
    );

    // Assess
    expect(logs.length).toBeGreaterThan(10_000);
    expect(stored).toContain('"verification"');
    expect(stored).toMatch(/"outcome":\{"S":"locked"\}/);
    for (const value of typed) {
      expect(stored, value).not.toMatch(digits(value));
      expect(logs, value).not.toMatch(digits(value));
    }
    for (const code of postalCodes)
      for (const spelling of spellings(code)) {
        expect(stored, spelling).not.toContain(spelling);
        expect(logs, spelling).not.toContain(spelling);
        expect(frames, spelling).not.toContain(spelling);
      }
  }, 120_000);
});
