import { afterAll, describe, expect, it } from "vitest";
import type { ChatClient, Frame } from "../support/chat-client.ts";
import {
  available,
  connectAgent,
  customerChat,
  offerFor,
  startHandoffStack,
} from "../support/handoff-stack.ts";
import { expectLedgerSound } from "../support/ledger.ts";
import type { LocalProcess } from "../support/local-process.ts";

/** A client sending one frame three times (a flaky network's retries, a double click). */
const stacks: LocalProcess[] = [];
const open: ChatClient[] = [];
afterAll(async () => {
  await Promise.all(open.map((client) => client.close().catch(() => undefined)));
  // Stopped, not killed: a killed runtime leaves its DynamoDB Local's JVM running (only a restart on the
  // same data directory ends it), and nothing restarts after the suite.
  for (const stack of stacks) await stack.stop();
});

function repliesTo(client: ChatClient, requestId: string, count: number): Promise<Frame[]> {
  return Promise.all(
    Array.from({ length: count }, () => client.next((frame) => frame.requestId === requestId, 20_000)),
  );
}

describe("repeated frames", () => {
  it("the same sendMessage, acceptChat and endChat frame three times: one effect each, every copy answered", async () => {
    // Prepare
    const stack = await startHandoffStack();
    stacks.push(stack);
    const agent = await connectAgent(stack, { queues: ["us-consumer-en"], maxChats: 1 });
    open.push(agent.client);
    await available(agent.client);
    const { client, chatId } = await customerChat(stack);
    open.push(client);
    client.send({ action: "requestAgent", chatId });
    await agent.client.next(offerFor(chatId), 20_000);

    // Act
    const accept = JSON.stringify({ action: "acceptChat", chatId, requestId: "accept-x3" });
    for (let copy = 0; copy < 3; copy += 1) agent.client.send(accept);
    const accepts = await repliesTo(agent.client, "accept-x3", 3);
    await client.next((frame) => frame.type === "agentJoined" && frame.chatId === chatId);
    const message = JSON.stringify({
      action: "sendMessage",
      chatId,
      clientMessageId: "m-x3",
      text: "Sent three times",
      requestId: "send-x3",
    });
    for (let copy = 0; copy < 3; copy += 1) client.send(message);
    const acks = await repliesTo(client, "send-x3", 3);
    const ending = JSON.stringify({ action: "endChat", chatId, requestId: "end-x3" });
    for (let copy = 0; copy < 3; copy += 1) client.send(ending);
    const ends = await repliesTo(client, "end-x3", 3);
    const ended = await agent.client.next(
      (frame) => frame.type === "chatEnded" && frame.chatId === chatId,
      20_000,
    );

    // Assess
    expect(accepts.map((frame) => frame.type)).toEqual(["chatAssigned", "chatAssigned", "chatAssigned"]);
    expect(acks.map((frame) => frame.type)).toEqual(["ack", "ack", "ack"]);
    expect(new Set(acks.map((frame) => frame.seq)).size).toBe(1);
    expect(acks.filter((frame) => frame.duplicate === false)).toHaveLength(1);
    expect(agent.client.messages(chatId).filter((frame) => frame.text === "Sent three times")).toHaveLength(
      1,
    );
    // Each copy of endChat is answered: chatEnding, or CHAT_CLOSED once the closure has ended the chat.
    for (const frame of ends) expect(frame.type === "chatEnding" || frame.code === "CHAT_CLOSED").toBe(true);
    expect(
      agent.client.frames.filter((frame) => frame.type === "chatEnded" && frame.chatId === chatId),
    ).toHaveLength(1);
    expect(ended.caseNumber).toEqual(expect.any(String));
    await expectLedgerSound(client, chatId, ["Sent three times"]);
  }, 120_000);
});
