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
import { expectLedgerSound } from "../support/ledger.ts";
import type { LocalProcess } from "../support/local-process.ts";

/**
 * Workflow tasks failing and retried by Step Functions (the ASL's `Retry` on States.TaskFailed): faults
 * go to the DynamoDB calls of one state only (the fault plan's `label` is the state's name), enough of
 * them that the SDK's own four attempts give up and the task itself fails once.
 */
const SDK_ATTEMPTS = 4;
const HANDOFF = "ChatHandoffFunctionArn";
const CLOSURE = "ChatClosureFunctionArn";

let stack: LocalProcess;
const open: ChatClient[] = [];
beforeAll(async () => {
  stack = await startHandoffStack();
});
afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await stack?.stop();
});

async function agentWithOneSlot() {
  const agent = await connectAgent(stack, { queues: ["us-consumer-en"], maxChats: 1 });
  open.push(agent.client);
  await available(agent.client);
  return agent;
}

async function queuedChat() {
  const chat = await customerChat(stack);
  open.push(chat.client);
  chat.client.send({ action: "requestAgent", chatId: chat.chatId, requestId: `q-${chat.chatId}` });
  return chat;
}

/** The agent's slot is free again: a new chat is offered to them (they hold at most one). */
async function expectSlotFree(agent: ChatClient) {
  const next = await queuedChat();
  await agent.next(offerFor(next.chatId), 20_000);
  await agent.request({ action: "declineChat", chatId: next.chatId }, "offerWithdrawn");
  await next.client.request({ action: "endChat", chatId: next.chatId }, "chatEnding");
}

describe("workflow tasks failing and retried", () => {
  it("Enqueue commits, then crashes: its retry finds its own entry, the chat is offered and served", async () => {
    // Prepare
    const agent = await agentWithOneSlot();
    await setFaults(stack.httpUrl, [
      {
        service: "dynamodb",
        functionName: HANDOFF,
        label: "Enqueue",
        operation: "TransactWriteItems",
        error: "CrashAfterCall",
        count: 1,
      },
    ]);

    // Act
    const { client, chatId } = await queuedChat();
    const queued = await client.next((frame) => frame.type === "queued" && frame.chatId === chatId, 20_000);
    await agent.client.next(offerFor(chatId), 20_000);
    const assigned = await agent.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    const report = await faultReport(stack.httpUrl);
    await client.next((frame) => frame.type === "agentJoined" && frame.chatId === chatId);
    const ack = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "after", text: "Hello after the crash" },
      "ack",
    );
    await agent.client.next((frame) => frame.type === "message" && frame.seq === ack.seq);
    await client.request({ action: "endChat", chatId }, "chatEnding");
    await client.next((frame) => frame.type === "chatEnded" && frame.chatId === chatId, 20_000);

    // Assess
    expect(report.injected).toBe(1);
    expect(queued.queueId).toBe("us-consumer-en");
    expect(assigned.type).toBe("chatAssigned");
    await expectLedgerSound(client, chatId, ["Hello after the crash"]);
    await expectSlotFree(agent.client);
  }, 60_000);

  it("NotifyParticipants and ReleaseAgents fail once each: the closure is retried, both sides told, the slot given back", async () => {
    // Prepare
    const agent = await agentWithOneSlot();
    const { client, chatId } = await queuedChat();
    await agent.client.next(offerFor(chatId), 20_000);
    await agent.client.request({ action: "acceptChat", chatId }, "chatAssigned");
    await setFaults(stack.httpUrl, [
      {
        service: "dynamodb",
        functionName: CLOSURE,
        label: "NotifyParticipants",
        error: "InternalServerError",
        count: SDK_ATTEMPTS,
      },
      {
        service: "dynamodb",
        functionName: CLOSURE,
        label: "ReleaseAgents",
        error: "ThrottlingException",
        count: SDK_ATTEMPTS,
      },
    ]);

    // Act
    await client.request({ action: "endChat", chatId }, "chatEnding");
    const ended = await client.next((frame) => frame.type === "chatEnded" && frame.chatId === chatId, 30_000);
    const agentTold = await agent.client.next(
      (frame) => frame.type === "chatEnded" && frame.chatId === chatId,
      30_000,
    );
    await expectSlotFree(agent.client);
    const report = await faultReport(stack.httpUrl);

    // Assess
    expect(report.rules.map((rule) => rule.injected)).toEqual([SDK_ATTEMPTS, SDK_ATTEMPTS]);
    expect(ended.caseNumber).toEqual(expect.any(String));
    expect(agentTold.caseNumber).toBe(ended.caseNumber);
  }, 60_000);
});
