import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { available, connectAgent, customerChat, offerFor } from "./support/handoff-stack.ts";
import type { LocalProcess } from "./support/local-process.ts";
import { handoffStatus, killHandoff, LONG_AGO, startTimedStack, until } from "./support/reconciler-stack.ts";
import { getItem, reconcileOnce, setAttributes, totalRepairs } from "./support/table-writes.ts";

/**
 * The reconciler on the running stack: each test leaves one broken state behind, by killing work mid-way
 * or by writing items as a crash would, and proves one run repairs it, counts it, and that nothing
 * healthy is touched. The interval run is off (CARECHAT_RECONCILE_MS=0): every run here is one
 * `POST /dev/reconcile`, so its report is exactly what that run did.
 */
let stack: LocalProcess;

beforeAll(async () => {
  stack = await startTimedStack({
    CARECHAT_RECONCILE_MS: "0",
    RECONCILER_SETTLE_SECONDS: "3",
    QUEUE_DISCONNECT_GRACE_SECONDS: "600",
    IDLE_CHAT_SECONDS: "0",
  });
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

const chatKey = (chatId: string) => ({ pk: `CHAT#${chatId}`, sk: "META" });
const agentKey = (agentId: string) => ({ pk: `AGENT#${agentId}`, sk: "AGENT" });
const chatItem = (chatId: string) => getItem(stack, chatKey(chatId));
const agentItem = (agentId: string) => getItem(stack, agentKey(agentId));

async function queuedChat(claims: Record<string, unknown>) {
  const customer = await customerChat(stack, claims);
  await customer.client.request({ action: "requestAgent", chatId: customer.chatId }, "queued");
  const chat = await chatItem(customer.chatId);
  const queue = chat?.queue as { queueId: string; sk: string };
  return { ...customer, entryKey: { pk: `QUEUE#${queue.queueId}`, sk: queue.sk } };
}

describe("the reconciler", () => {
  it("leaves healthy chats alone, also while they are busy: an assistant chat, a queued one, an assigned one", async () => {
    // Prepare
    const talking = await customerChat(stack, { country: "US" });
    await queuedChat({ country: "GB" });
    const agent = await connectAgent(stack, { queues: ["us-smallbiz-en"] });
    await available(agent.client);
    const held = await queuedChat({ segment: "small-business" });
    await agent.client.next(offerFor(held.chatId));
    await agent.client.request({ action: "acceptChat", chatId: held.chatId }, "chatAssigned");

    // Act
    const sends = [1, 2, 3, 4, 5].map((n) =>
      talking.client.request(
        { action: "sendMessage", chatId: talking.chatId, clientMessageId: `m${n}`, text: `message ${n}` },
        "ack",
      ),
    );
    const [first, second] = await Promise.all([reconcileOnce(stack), reconcileOnce(stack)]);
    const acks = await Promise.all(sends);

    // Assess
    expect(totalRepairs(first) + totalRepairs(second)).toBe(0);
    expect(Object.values(first.presence).every((count) => count === 0)).toBe(true);
    expect(first.failures + second.failures).toBe(0);
    expect(first.checked.queueEntries).toBeGreaterThanOrEqual(1);
    expect(first.checked.agents).toBeGreaterThanOrEqual(1);
    expect(acks.every((ack) => ack.type === "ack")).toBe(true);
    expect((await chatItem(held.chatId))?.state).toBe("assigned");
    expect((await agentItem(agent.id))?.activeChats).toBe(1);
    await available(agent.client, "offline");
  }, 60_000);

  it("restarts the handoff of a queued chat whose execution was killed, once, and the chat is still served", async () => {
    // Prepare
    const customer = await queuedChat({ country: "GB" });
    await killHandoff(stack, `handoff-${customer.chatId}-1`);
    await setAttributes(stack, customer.entryKey, { queuedAt: LONG_AGO });

    // Act
    const [first, second] = await Promise.all([reconcileOnce(stack), reconcileOnce(stack)]);
    const status = await handoffStatus(stack, `handoff-${customer.chatId}-1-r1`);
    const again = await reconcileOnce(stack);
    const agent = await connectAgent(stack, { queues: ["gb-consumer-en"] });
    await available(agent.client);
    await agent.client.next(offerFor(customer.chatId));
    const assigned = await agent.client.request(
      { action: "acceptChat", chatId: customer.chatId },
      "chatAssigned",
    );

    // Assess
    expect(first.repairs.HandoffRestarted + second.repairs.HandoffRestarted).toBe(1);
    expect(status).toBe("RUNNING");
    expect(again.repairs.HandoffRestarted).toBe(0);
    expect(assigned).toMatchObject({ type: "chatAssigned", chatId: customer.chatId });
    await available(agent.client, "offline");
  }, 60_000);

  it("restarts a closure stuck in closing, once however many runs race, and the customer gets the summary", async () => {
    // Prepare
    const customer = await customerChat(stack, { country: "US" });
    await setAttributes(stack, chatKey(customer.chatId), {
      state: "closing",
      gsi2pk: "CLOSING",
      gsi2sk: `${LONG_AGO}#${customer.chatId}`,
    });

    // Act
    const reports = await Promise.all([reconcileOnce(stack), reconcileOnce(stack), reconcileOnce(stack)]);
    const ended = await customer.client.nextOfType("chatEnded", 20_000);
    const chat = await until(
      () => chatItem(customer.chatId),
      (item) => item?.state === "ended" && item.gsi2pk === undefined,
      "the closure to finish",
    );

    // Assess
    expect(reports.reduce((sum, report) => sum + report.repairs.ClosureRestarted, 0)).toBe(1);
    expect(ended).toMatchObject({ chatId: customer.chatId, caseNumber: chat?.caseNumber });
    expect(String(ended.summary)).toContain(String(chat?.caseNumber));
  }, 60_000);

  it("finishes the closure of a chat that ended but still holds its agent: the slot comes back", async () => {
    // Prepare
    const agent = await connectAgent(stack, { queues: ["us-smallbiz-en"], maxChats: 1 });
    await available(agent.client);
    const customer = await queuedChat({ segment: "small-business" });
    await agent.client.next(offerFor(customer.chatId));
    await agent.client.request({ action: "acceptChat", chatId: customer.chatId }, "chatAssigned");
    // As a closure whose notice failed before the agent was released would leave it.
    await setAttributes(stack, chatKey(customer.chatId), {
      state: "ended",
      gsi2pk: "CLOSING",
      gsi2sk: `${LONG_AGO}#${customer.chatId}`,
    });

    // Act
    const report = await reconcileOnce(stack);
    const released = await until(
      () => agentItem(agent.id),
      (item) => item?.activeChats === 0,
      "the agent's slot to come back",
    );
    const chat = await until(
      () => chatItem(customer.chatId),
      (item) => item?.agentId === undefined && item?.gsi2pk === undefined,
      "the chat to leave the closing list",
    );

    // Assess
    expect(report.repairs.ClosureRestarted).toBe(1);
    expect(released?.gsi1pk).toBe("READY");
    expect(chat).toMatchObject({ state: "ended", caseNumber: expect.any(String) });
    await available(agent.client, "offline");
  }, 60_000);

  it("withdraws an offer past its expiry that no timer will end, tells the agent and gives the slot back", async () => {
    // Prepare
    const agent = await connectAgent(stack, { queues: ["mx-consumer-es"], languages: ["es"] });
    await available(agent.client);
    const customer = await queuedChat({ country: "MX", locale: "es-MX" });
    await agent.client.next(offerFor(customer.chatId));
    await killHandoff(stack, `handoff-${customer.chatId}-1`);
    await setAttributes(stack, customer.entryKey, { offerExpiresAt: LONG_AGO });

    // Act
    const report = await reconcileOnce(stack);
    const withdrawn = await agent.client.next(
      (frame) => frame.type === "offerWithdrawn" && frame.chatId === customer.chatId,
    );
    const entry = await getItem(stack, customer.entryKey);

    // Assess
    expect(report.repairs.OfferWithdrawn).toBe(1);
    expect(withdrawn).toMatchObject({ reason: "expired" });
    expect((await agentItem(agent.id))?.activeChats).toBe(0);
    expect(entry).toMatchObject({ state: "waiting" });
    expect([...((entry?.declinedBy as Set<string>) ?? [])]).toEqual([agent.id]);
    // Its workflow was killed: the customer leaves, so no later run has it to restart.
    await customer.client.request({ action: "endChat", chatId: customer.chatId }, "chatEnding");
    await available(agent.client, "offline");
  }, 60_000);

  it("recounts an agent whose activeChats disagrees with what they hold, and puts them back in the ready pool", async () => {
    // Prepare
    const agent = await connectAgent(stack, { queues: ["us-rewards"] });
    await available(agent.client);
    await setAttributes(stack, agentKey(agent.id), { activeChats: 2 }, ["gsi1pk", "gsi1sk"]);

    // Act
    const report = await reconcileOnce(stack);
    const fixed = await agentItem(agent.id);
    const again = await reconcileOnce(stack);

    // Assess
    expect(report.repairs.AgentSlotsRecounted).toBe(1);
    expect(fixed).toMatchObject({ activeChats: 0, gsi1pk: "READY" });
    expect(again.repairs.AgentSlotsRecounted).toBe(0);
    await available(agent.client, "offline");
  }, 60_000);

  it("publishes a metric per repair kind and their sum", () => {
    // Act
    const output = stack.output();

    // Assess
    for (const name of [
      "RepairHandoffRestarted",
      "RepairClosureRestarted",
      "RepairOfferWithdrawn",
      "RepairAgentSlotsRecounted",
      "ReconcilerRepairs",
    ])
      expect(output).toContain(`"${name}"`);
  });
});
