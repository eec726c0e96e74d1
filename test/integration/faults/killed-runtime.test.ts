import { afterAll, describe, expect, it } from "vitest";
import { ChatClient } from "../support/chat-client.ts";
import { customerChat } from "../support/handoff-stack.ts";
import { expectLedgerSound, resumeFromLast, sendUntilAcked } from "../support/ledger.ts";
import { type LocalProcess, startLocalProcess } from "../support/local-process.ts";

/**
 * The local runtime killed outright (SIGKILL: no $disconnect, no drain) mid-chat and started again on the
 * same data directory (its DynamoDB Local files; the orphaned DynamoDB Local is ended by the new start).
 */
const stacks: LocalProcess[] = [];
const open: ChatClient[] = [];
afterAll(async () => {
  await Promise.all(open.map((client) => client.close().catch(() => undefined)));
  // Stopped, not killed: a killed runtime leaves its DynamoDB Local's JVM running (only a restart on the
  // same data directory ends it), and nothing restarts after the suite.
  for (const stack of stacks) await stack.stop();
});

describe("a killed runtime", () => {
  it("SIGKILL mid-chat, restarted on the same data dir: resume restores every message, the chat goes on and closes", async () => {
    // Prepare
    const first = await startLocalProcess();
    stacks.push(first);
    const { client, chatId, token } = await customerChat(first);
    const before = ["before the kill one", "before the kill two"];
    for (const text of before) await sendUntilAcked(client, chatId, text);
    // A send in flight when the runtime dies: its fate is unknown to the client, which sends it again.
    client.send({
      action: "sendMessage",
      chatId,
      clientMessageId: "in flight",
      text: "in flight",
      requestId: "lost",
    });

    // Act
    await first.stop("SIGKILL");
    const second = await startLocalProcess({ dataDir: first.dataDir });
    stacks.push(second);
    const back = await ChatClient.connect(second.wsUrl, token);
    open.push(back);
    for (const frame of client.messages(chatId)) back.frames.push(frame);
    const resumed = await resumeFromLast(back, chatId);
    const inFlight = await sendUntilAcked(back, chatId, "in flight");
    const after = await sendUntilAcked(back, chatId, "after the restart");
    const listed = await back.request({ action: "listChats" }, "chats");
    await back.request({ action: "endChat", chatId }, "chatEnding");
    const ended = await back.next((frame) => frame.type === "chatEnded" && frame.chatId === chatId, 20_000);

    // Assess
    expect(resumed.state).toBe("assistant");
    expect(after.ack.seq).toBeGreaterThan(Number(inFlight.ack.seq));
    expect((listed.chats as { chatId: string }[]).map((chat) => chat.chatId)).toContain(chatId);
    expect(ended.caseNumber).toEqual(expect.any(String));
    await expectLedgerSound(back, chatId, [...before, "in flight", "after the restart"]);
  }, 150_000);
});
