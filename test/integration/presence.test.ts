import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueStamp } from "../../local/unique-stamp.ts";
import { ChatClient, type Frame } from "./support/chat-client.ts";
import { available, connectAgent, customerChat, offerFor } from "./support/handoff-stack.ts";
import type { LocalProcess } from "./support/local-process.ts";
import { LONG_AGO, startTimedStack, until } from "./support/reconciler-stack.ts";
import { getItem, setAttributes } from "./support/table-writes.ts";

/**
 * Presence on the running stack, with short configured times and the reconciler on npm start's own
 * interval (every 500 ms): a queued customer's grace, idle chats, and offers nobody can see.
 */
let stack: LocalProcess;
const GRACE_SECONDS = 3;

beforeAll(async () => {
  stack = await startTimedStack({
    CARECHAT_RECONCILE_MS: "500",
    RECONCILER_SETTLE_SECONDS: "60",
    QUEUE_DISCONNECT_GRACE_SECONDS: String(GRACE_SECONDS),
    IDLE_CHAT_SECONDS: "6",
    IDLE_WARNING_SECONDS: "3",
  });
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

const chatItem = (chatId: string) => getItem(stack, { pk: `CHAT#${chatId}`, sk: "META" });
const isIdleWarning = (chatId: string) => (frame: Frame) =>
  frame.type === "message" && frame.chatId === chatId && String(frame.text).includes("quiet for a while");

async function queuedCustomer(claims: Record<string, unknown>) {
  const customer = await customerChat(stack, claims);
  await customer.client.request({ action: "requestAgent", chatId: customer.chatId }, "queued", 30_000);
  return customer;
}

describe("presence", () => {
  it("abandons the chat of a queued customer who stays disconnected past the grace, and closes it with its summary", async () => {
    // Prepare
    const customer = await queuedCustomer({ country: "GB" });
    const queue = (await chatItem(customer.chatId))?.queue as { queueId: string; sk: string };

    // Act
    await customer.client.close();
    const chat = await until(
      () => chatItem(customer.chatId),
      (item) => item?.state === "ended",
      "the abandoned chat to end",
      30_000,
    );
    const entry = await getItem(stack, { pk: `QUEUE#${queue.queueId}`, sk: queue.sk });

    // Assess
    expect(chat).toMatchObject({ endedBy: "carechat-presence", caseNumber: expect.any(String) });
    expect(String(chat?.summary)).toContain(String(chat?.caseNumber));
    expect(entry).toBeUndefined();
    expect(stack.output()).toContain('"QueueAbandonedDisconnected"');
  }, 60_000);

  it("keeps the place of a queued customer who reconnects within the grace: an agent is still offered the chat", async () => {
    // Prepare
    const customer = await queuedCustomer({ segment: "small-business" });
    const queue = (await chatItem(customer.chatId))?.queue as { queueId: string; sk: string };
    const entryKey = { pk: `QUEUE#${queue.queueId}`, sk: queue.sk };
    await customer.client.close();
    await until(
      () => getItem(stack, entryKey),
      (entry) => entry?.customerAwaySince !== undefined,
      "the absence noted",
    );

    // Act
    const back = await ChatClient.connect(stack.wsUrl, customer.token);
    await until(
      () => getItem(stack, entryKey),
      (entry) => entry?.customerAwaySince === undefined,
      "the return noted",
    );
    // Past the grace the customer had when they left: their place is kept because they came back.
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 2 * 1000));
    const agent = await connectAgent(stack, { queues: ["us-smallbiz-en"] });
    await available(agent.client);
    const offer = await agent.client.next(offerFor(customer.chatId), 20_000);

    // Assess
    expect(offer).toMatchObject({ type: "chatOffered", chatId: customer.chatId });
    expect((await chatItem(customer.chatId))?.state).toBe("queued");
    await available(agent.client, "offline");
    await back.close();
  }, 60_000);

  it("warns an idle chat's customer, then closes it with its summary", async () => {
    // Prepare
    const customer = await customerChat(stack, { country: "US" });

    // Act
    const warning = await customer.client.next(isIdleWarning(customer.chatId), 30_000);
    const ended = await customer.client.nextOfType("chatEnded", 30_000);

    // Assess
    expect(warning).toMatchObject({ from: { role: "system" } });
    expect(customer.client.frames.indexOf(warning)).toBeLessThan(customer.client.frames.indexOf(ended));
    expect(ended).toMatchObject({ chatId: customer.chatId, caseNumber: expect.any(String) });
    expect((await chatItem(customer.chatId))?.endedBy).toBe("carechat-idle");
  }, 60_000);

  it("starts the idle time again when someone writes after the warning", async () => {
    // Prepare
    const customer = await customerChat(stack, { country: "US" });
    await customer.client.next(isIdleWarning(customer.chatId), 30_000);

    // Act
    await customer.client.request(
      { action: "sendMessage", chatId: customer.chatId, clientMessageId: "still-here", text: "Still here" },
      "ack",
    );
    const second = await customer.client.next(isIdleWarning(customer.chatId), 30_000);
    const ended = await customer.client.nextOfType("chatEnded", 30_000);

    // Assess
    const frames = customer.client.frames;
    const sent = frames.findIndex((frame) => frame.type === "ack");
    expect(frames.indexOf(second)).toBeGreaterThan(sent);
    expect(frames.indexOf(ended)).toBeGreaterThan(frames.indexOf(second));
  }, 90_000);

  it("withdraws at once an offer that reached no connection of its agent, and offers the chat to the next", async () => {
    // Prepare: a signed-in agent record with no connection at all, the longest idle in the queue.
    const ghost = `ghost-${uniqueStamp()}`;
    await setAttributes(
      stack,
      { pk: `AGENT#${ghost}`, sk: "AGENT" },
      {
        agentId: ghost,
        name: "Ghost",
        role: "agent",
        queues: ["us-fraud"],
        languages: ["en"],
        maxChats: 3,
        status: "available",
        activeChats: 0,
        idleSince: LONG_AGO,
        updatedAt: LONG_AGO,
        gsi1pk: "READY",
        gsi1sk: `${LONG_AGO}#${ghost}`,
        gsi2pk: "ONLINE",
        gsi2sk: ghost,
      },
    );
    const agent = await connectAgent(stack, { queues: ["us-fraud"] });
    await available(agent.client);

    // Act
    const customer = await customerChat(stack, { country: "US" }, "Someone used my card, fraud");
    await customer.client.request({ action: "requestAgent", chatId: customer.chatId }, "queued");
    const offer = await agent.client.next(offerFor(customer.chatId), 20_000);
    const chat = await chatItem(customer.chatId);
    const queue = chat?.queue as { queueId: string; sk: string };
    const entry = await getItem(stack, { pk: `QUEUE#${queue.queueId}`, sk: queue.sk });

    // Assess
    expect(offer).toMatchObject({ chatId: customer.chatId });
    expect(entry).toMatchObject({ offeredTo: agent.id });
    expect([...((entry?.declinedBy as Set<string>) ?? [])]).toContain(ghost);
    expect((await getItem(stack, { pk: `AGENT#${ghost}`, sk: "AGENT" }))?.activeChats).toBe(0);
    // The metric is flushed when the invocation that withdrew the offer ends, just after the new offer went out.
    const output = await until(
      async () => stack.output(),
      (text) => text.includes('"OffersUndelivered"'),
      "the OffersUndelivered metric",
    );
    expect(output).toContain('"OffersUndelivered"');
    await available(agent.client, "offline");
  }, 60_000);
});
