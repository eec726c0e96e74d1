import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatClient } from "../support/chat-client.ts";
import { faultReport, setFaults } from "../support/faults.ts";
import {
  available,
  connectAgent,
  customerChat,
  offerFor,
  startHandoffStack,
} from "../support/handoff-stack.ts";
import { expectLedgerSound, resumeFromLast, sendUntilAcked } from "../support/ledger.ts";
import type { LocalProcess } from "../support/local-process.ts";

/**
 * A handler that throws in the middle of an action, after its commit and before its effects (the
 * fault plan lets the commit through, then throws: `CrashAfterCall`). API Gateway never retries a
 * route; the client does, with the same frame, and the retry must finish what the crash left undone.
 */
let stack: LocalProcess;
const open: ChatClient[] = [];
beforeAll(async () => {
  stack = await startHandoffStack();
});
afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await stack?.stop();
});

const crashAfterCommit = (label: string) =>
  setFaults(stack.httpUrl, [
    {
      service: "dynamodb",
      functionName: "actions",
      label,
      operation: "TransactWriteItems",
      error: "CrashAfterCall",
      count: 1,
    },
  ]);

async function agentWithOneSlot() {
  const agent = await connectAgent(stack, { queues: ["us-consumer-en"], maxChats: 1 });
  open.push(agent.client);
  await available(agent.client);
  return agent;
}

describe("a handler crashing after its commit", () => {
  it("sendMessage asking for an agent: a throw after the write commits is still answered with an ack, and the handoff starts", async () => {
    // Prepare
    const agent = await agentWithOneSlot();
    const { client, chatId } = await customerChat(stack);
    open.push(client);
    await crashAfterCommit("sendMessage");

    // Act
    const { ack, refusals } = await sendUntilAcked(client, chatId, "I want to talk to an agent");
    const queued = await client.next((frame) => frame.type === "queued" && frame.chatId === chatId, 20_000);
    await agent.client.next(offerFor(chatId), 20_000);
    await agent.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    const report = await faultReport(stack.httpUrl);

    // Assess
    expect(report.injected).toBe(1);
    // The write committed and then threw: the seq it reserved is found filled, so the message counts as
    // stored and the sender is told success, never INTERNAL for work that happened (send-message.ts).
    expect(refusals).toEqual([]);
    expect(ack.duplicate).toBe(false);
    expect(queued.queueId).toBe("us-consumer-en");
    await resumeFromLast(client, chatId);
    await expectLedgerSound(client, chatId, ["I want to talk to an agent"]);
    await client.request({ action: "endChat", chatId }, "chatEnding");
    await agent.client.next((frame) => frame.type === "chatEnded" && frame.chatId === chatId, 20_000);
  }, 60_000);

  it("acceptChat: the retried accept is answered, the customer told, the workflow woken, the slot freed at the end", async () => {
    // Prepare
    const agent = await agentWithOneSlot();
    const { client, chatId } = await customerChat(stack);
    open.push(client);
    client.send({ action: "requestAgent", chatId });
    await agent.client.next(offerFor(chatId), 20_000);
    await crashAfterCommit("acceptChat");

    // Act
    const crashed = await agent.client.request(
      { action: "acceptChat", chatId, requestId: "accept-1" },
      "chatAssigned",
    );
    const retried = await agent.client.request(
      { action: "acceptChat", chatId, requestId: "accept-2" },
      "chatAssigned",
    );
    const joined = await client.next((frame) => frame.type === "agentJoined" && frame.chatId === chatId);
    const fromAgent = await sendUntilAcked(agent.client, chatId, "Hello, I have your chat");
    await client.next((frame) => frame.type === "message" && frame.seq === fromAgent.ack.seq);
    await client.request({ action: "endChat", chatId }, "chatEnding");
    await agent.client.next((frame) => frame.type === "chatEnded" && frame.chatId === chatId, 20_000);
    // The slot came back: the next chat is offered to this one-slot agent.
    const next = await customerChat(stack);
    open.push(next.client);
    next.client.send({ action: "requestAgent", chatId: next.chatId });
    const offered = await agent.client.next(offerFor(next.chatId), 20_000);

    // Assess
    expect(crashed).toMatchObject({ type: "error", code: "INTERNAL" });
    expect(retried).toMatchObject({ type: "chatAssigned", chatId });
    expect(joined.agent).toMatchObject({ id: agent.id });
    expect(offered.chatId).toBe(next.chatId);
    await expectLedgerSound(client, chatId, ["Hello, I have your chat"]);
  }, 60_000);
});
