import { describe, expect, inject, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";

const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");

describe("concurrent senders", () => {
  it("get distinct, gapless seqs, and retries racing their originals store each message once", async () => {
    // Prepare
    const token = await devToken(httpUrl, customerClaims());
    const a = await ChatClient.connect(wsUrl, token);
    const chatId = String((await a.request({ action: "startChat" }, "chatStarted")).chatId);
    const b = await ChatClient.connect(wsUrl, token);
    await b.request({ action: "resume", chatId, afterSeq: 0 }, "resumed");
    const count = 12;

    // Act
    const acks = await Promise.all(
      Array.from({ length: count }, (_v, index) => {
        const client = index % 2 === 0 ? a : b;
        const frame = {
          action: "sendMessage",
          chatId,
          clientMessageId: `c-${index % (count / 2)}`,
          text: `m${index % (count / 2)}`,
        };
        return client.request(frame, "ack", 20_000);
      }),
    );
    const transcript = await a.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    expect(acks.every((ack) => ack.type === "ack")).toBe(true);
    const messages = transcript.messages as { seq: number; text: string; from: { role: string } }[];
    expect(messages.map((message) => message.seq)).toEqual(messages.map((_m, index) => index + 1));
    const customerTexts = messages
      .filter((message) => message.from.role === "customer")
      .map((message) => message.text);
    expect(customerTexts.sort()).toEqual(Array.from({ length: count / 2 }, (_v, i) => `m${i}`).sort());
    for (let index = 0; index < count / 2; index += 1)
      expect(acks[index]?.seq).toBe(acks[index + count / 2]?.seq);
    await Promise.all([a.close(), b.close()]);
  });
});
