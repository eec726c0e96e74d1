import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HostileFrame, hostileFrames, type Targets } from "../support/hostile-frames.ts";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";
import { type LocalProcess, startLocalProcess } from "./support/local-process.ts";
import { scanTable, workflowsSettled } from "./support/stack-contents.ts";

/**
 * Hostile frames on a runtime of its own: at least 10,000 generated frames (wrong types, huge and deeply
 * nested values, prototype-polluting keys, every action from every role, other customers' chats, chats
 * held by another agent), tampered and expired tokens at the upgrade, and a few frames over 32 KB. Each
 * frame must get the contract's error frame with an allowed code, every connection must stay usable, and
 * the table must hold exactly the same items afterwards.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 1_000_000_000));
const FRAMES_PER_SENDER = 1_700;

let stack: LocalProcess;
const clients: ChatClient[] = [];

beforeAll(async () => {
  // 10,000 frames over six connections in seconds: far above the per-connection limit of a deployment
  // (60 at once, 10 a second), which would answer most of them RATE_LIMITED before validating them.
  // The limiter itself has its own tests (test/unit/lib/middleware/connection-limits.test.ts).
  stack = await startLocalProcess({ env: { CONNECTION_FRAME_LIMIT: "100000/100000" } });
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await stack?.stop();
});

async function connect(claims: Record<string, unknown>): Promise<{ client: ChatClient; token: string }> {
  const token = await devToken(stack.httpUrl, claims);
  const client = await ChatClient.connect(stack.wsUrl, token);
  clients.push(client);
  return { client, token };
}

const staff = (sub: string, role: "agent" | "supervisor") => ({
  sub: `${sub}-${SEED}`,
  role,
  name: sub,
  queues: ["*"],
  languages: ["en", "es"],
  maxChats: 5,
});

async function chatOf(client: ChatClient): Promise<string> {
  return String((await client.request({ action: "startChat" }, "chatStarted")).chatId);
}

/**
 * Sends each frame and waits for its reply before the next: the frame echoing its requestId, or for a
 * frame with none, the next error frame without one. A frame answered by anything but an allowed error,
 * or not answered at all, is a failure.
 */
async function sendAll(
  client: ChatClient,
  frames: readonly HostileFrame[],
  failures: string[],
): Promise<void> {
  for (const hostile of frames) {
    client.send(hostile.raw);
    const reply = await client
      .next(
        (frame) =>
          hostile.requestId === undefined
            ? frame.type === "error" && frame.requestId === undefined
            : frame.requestId === hostile.requestId,
        5_000,
      )
      .catch(() => undefined);
    const ok = reply?.type === "error" && hostile.codes.includes(String(reply.code));
    if (!ok && failures.length < 20)
      failures.push(
        `${hostile.kind}: ${hostile.raw.slice(0, 160)} -> ${JSON.stringify(reply)?.slice(0, 200)}`,
      );
  }
}

async function refusedAtUpgrade(token: string): Promise<number | undefined> {
  try {
    const client = await ChatClient.connect(stack.wsUrl, token);
    clients.push(client);
    return 101;
  } catch (error) {
    return (error as { statusCode?: number }).statusCode;
  }
}

function tamperedTokens(token: string, forged: string): string[] {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const flip = (part: string, at: number) =>
    part.slice(0, at) + (part[at] === "A" ? "B" : "A") + part.slice(at + 1);
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const none = encode({ alg: "none", typ: "JWT" });
  return [
    ...[0, 5, 10, 20, 40].map((at) => `${header}.${payload}.${flip(signature, at)}`),
    ...[0, 5, 10, 20, 40].map((at) => `${header}.${flip(payload, at)}.${signature}`),
    `${header}.${encode({ ...claims, role: "supervisor", queues: ["*"] })}.${signature}`,
    `${header}.${encode({ ...claims, sub: "someone-else" })}.${signature}`,
    `${none}.${payload}.`,
    `${none}.${encode({ ...claims, role: "agent" })}.`,
    `${header}.${payload}`,
    `${header}.${payload}.`,
    token.slice(0, -10),
    `${token}x`,
    "",
    "not-a-token",
    "a.b.c",
    forged,
  ];
}

describe("hostile frames", () => {
  it(`answer each of at least 10,000 frames with an error and change nothing stored (seed ${SEED})`, async () => {
    // Prepare
    const customerA = await connect(customerClaims());
    const customerB = await connect(customerClaims());
    const customerC = await connect(customerClaims());
    const agentX = await connect(staff("agent-x", "agent"));
    const agentY = await connect(staff("agent-y", "agent"));
    const supervisor = await connect(staff("supervisor", "supervisor"));
    const [chatA, chatB, chatC] = await Promise.all([
      chatOf(customerA.client),
      chatOf(customerB.client),
      chatOf(customerC.client),
    ]);
    await agentX.client.request({ action: "setPresence", status: "available" }, "presence");
    await customerC.client.request({ action: "requestAgent", chatId: chatC }, "queued");
    await agentX.client.next((frame) => frame.type === "chatOffered" && frame.chatId === chatC);
    await agentX.client.request({ action: "acceptChat", chatId: chatC }, "chatAssigned");
    await workflowsSettled(stack, 10_000);
    const expired = await devToken(stack.httpUrl, { ...customerClaims(), expiresInSeconds: -60 });
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const forged = await new SignJWT(customerClaims())
      .setProtectedHeader({ alg: "RS256", kid: "carechat-local" })
      .setIssuer("https://carechat.local")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    const senders: { client: ChatClient; targets: Targets }[] = [
      {
        client: customerA.client,
        targets: { role: "customer", ownChatId: chatA, foreignChatIds: [chatB, chatC] },
      },
      {
        client: customerB.client,
        targets: { role: "customer", ownChatId: chatB, foreignChatIds: [chatA, chatC] },
      },
      {
        client: customerC.client,
        targets: { role: "customer", ownChatId: chatC, foreignChatIds: [chatA, chatB] },
      },
      { client: agentX.client, targets: { role: "agent", ownChatId: chatC, foreignChatIds: [chatA, chatB] } },
      { client: agentY.client, targets: { role: "agent", foreignChatIds: [chatA, chatB, chatC] } },
      { client: supervisor.client, targets: { role: "supervisor", foreignChatIds: [chatA, chatB, chatC] } },
    ];
    const plans = senders.map(({ targets }, index) =>
      hostileFrames(targets, FRAMES_PER_SENDER, SEED + index),
    );
    // A user's connection count is refreshed (its expiry moves) by every connection attempt, the
    // tampered-token ones this test makes included: bookkeeping of connections, not stored chat data.
    const withoutCountExpiry = (item: Record<string, unknown>) =>
      (item.sk as { S?: string } | undefined)?.S === "CONNECTIONS" ? { ...item, expiresAt: undefined } : item;
    const snapshot = async () =>
      (await scanTable(stack)).map((item) => JSON.stringify(withoutCountExpiry(item))).sort();
    const before = await snapshot();
    const failures: string[] = [];

    // Act
    await Promise.all(senders.map(({ client }, index) => sendAll(client, plans[index] ?? [], failures)));
    const upgrades = await Promise.all(
      [...tamperedTokens(customerA.token, forged), expired, expired].map(refusedAtUpgrade),
    );
    const oversized = await Promise.all(
      [33_000, 64_000, 200_000].map(async (size) => {
        const throwaway = await ChatClient.connect(stack.wsUrl, customerA.token);
        throwaway.send(
          JSON.stringify({
            action: "sendMessage",
            chatId: chatA,
            clientMessageId: "big",
            text: "x".repeat(size),
          }),
        );
        for (let wait = 0; wait < 100 && throwaway.closeCode === undefined; wait++)
          await new Promise((r) => setTimeout(r, 50));
        return throwaway.closeCode;
      }),
    );
    const stillUsable = await Promise.all([
      customerA.client.request({ action: "getTranscript", chatId: chatA }, "transcript"),
      customerB.client.request({ action: "getTranscript", chatId: chatB }, "transcript"),
      agentX.client.request({ action: "getTranscript", chatId: chatC }, "transcript"),
      agentY.client.request({ action: "typing", chatId: chatA }, "error"),
      supervisor.client.request({ action: "typing", chatId: chatA }, "error"),
    ]);
    let after = await snapshot();
    // The throwaway connections' items are removed when they close; give $disconnect a moment.
    for (let wait = 0; wait < 50 && JSON.stringify(after) !== JSON.stringify(before); wait++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await snapshot();
    }

    // Assess
    expect(plans.flat().length).toBeGreaterThanOrEqual(10_000);
    expect(failures).toEqual([]);
    expect(upgrades.filter((status) => status !== 401 && status !== 403)).toEqual([]);
    expect(oversized).toEqual([1009, 1009, 1009]);
    expect(stillUsable.map((frame) => frame.type)).toEqual([
      "transcript",
      "transcript",
      "transcript",
      "error",
      "error",
    ]);
    expect(senders.every(({ client }) => client.isOpen)).toBe(true);
    expect(after).toEqual(before);
  }, 240_000);
});
