import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { CareChatClient, ServerFrame } from "../../client/src/index.ts";
import { startLocalStack } from "../../local/stack.ts";
import { customerClaims } from "./support/chat-client.ts";
import {
  agentParty,
  assignedChat,
  connectParty,
  eventually,
  type SdkParty,
  seen,
} from "./support/sdk-clients.ts";

const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");
const BURST = 20;

const parties: SdkParty[] = [];
const track = async (party: Promise<SdkParty>) => {
  const value = await party;
  parties.push(value);
  return value;
};
afterAll(async () => {
  await Promise.allSettled(parties.map((party) => party.client.close()));
});

/** One sendMessage frame sent at once, not through the outbox (which sends one at a time). */
const send = (client: CareChatClient, chatId: string, clientMessageId: string, text: string) =>
  client.request("sendMessage", { chatId, clientMessageId, text }, ["ack"]);

/** Every party saw each seq of the chat once, in order, up to the last one, and each text once. */
async function expectEveryoneSawEverything(everyone: SdkParty[], chatId: string, texts: string[]) {
  const lastSeq = Math.max(...everyone.map((party) => party.client.lastSeq(chatId) ?? 0));
  for (const party of everyone) {
    await eventually(() => (party.client.lastSeq(chatId) ?? 0) >= lastSeq, `${party.sub} to catch up`);
    const messages = seen(party, chatId);
    const seqs = messages.map((message) => message.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => (seqs[0] ?? 1) + index));
    for (const text of texts)
      expect(
        messages.filter((message) => message.text === text),
        text,
      ).toHaveLength(1);
  }
}

describe("a burst of 20 concurrent senders into one chat", { timeout: 120_000 }, () => {
  it("is acknowledged whole, with gapless seqs, while the chat is busy with a message every 500 ms", async () => {
    // Prepare: the customer on two connections and an agent, in an assigned chat.
    const claims = customerClaims();
    const phone = await track(connectParty(httpUrl, wsUrl, claims));
    const laptop = await track(connectParty(httpUrl, wsUrl, claims));
    const agent = await track(agentParty(httpUrl, wsUrl));
    const { chatId } = await assignedChat(phone, agent);
    await laptop.client.resume(chatId, 0);
    // The agent keeps the chat busy: one message every 500 ms, overlapping the burst.
    const background: Promise<ServerFrame<"ack">>[] = [];
    const backgroundTexts: string[] = [];
    const busy = setInterval(() => {
      const text = `busy ${backgroundTexts.length}`;
      backgroundTexts.push(text);
      background.push(send(agent.client, chatId, `busy-${backgroundTexts.length}`, text));
    }, 500);
    await eventually(() => background.length >= 2, "the chat to be busy");

    // Act
    const senders = [phone, laptop, agent];
    const texts = Array.from({ length: BURST }, (_, index) => `burst ${index}`);
    const acks = await Promise.allSettled(
      texts.map((text, index) =>
        send((senders[index % 3] as SdkParty).client, chatId, `burst-${index}`, text),
      ),
    );
    await eventually(() => background.length >= 6, "the busy sender to overlap the burst");
    clearInterval(busy);
    const backgroundAcks = await Promise.allSettled(background);

    // Assess
    expect(acks.filter((ack) => ack.status === "rejected")).toEqual([]);
    expect(backgroundAcks.filter((ack) => ack.status === "rejected")).toEqual([]);
    const transcript = await phone.client.getTranscript(chatId);
    const seqs = transcript.messages.map((message) => message.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    const ackSeqs = acks.map((ack) => (ack as PromiseFulfilledResult<ServerFrame<"ack">>).value.seq);
    expect(new Set(ackSeqs).size).toBe(BURST);
    await expectEveryoneSawEverything([phone, laptop, agent], chatId, [...texts, ...backgroundTexts]);
  });
});

describe("a burst right after start, while DynamoDB Local is cold", { timeout: 120_000 }, () => {
  it("is acknowledged whole, with gapless seqs, while the assistant answers each message", async () => {
    // Prepare: a runtime of its own, and the burst the moment its first chat exists.
    process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
    const dataDir = mkdtempSync(join(tmpdir(), "carechat-burst-"));
    const stack = await startLocalStack({ dataDir, tickMs: 2 ** 31 - 1 });
    try {
      const claims = customerClaims();
      const phone = await track(connectParty(stack.httpUrl, stack.url, claims));
      const laptop = await track(connectParty(stack.httpUrl, stack.url, claims));
      const { chatId } = await phone.client.startChat();
      await laptop.client.resume(chatId, 0);

      // Act
      const texts = Array.from({ length: BURST }, (_, index) => `What is my balance? (${index})`);
      const acks = await Promise.allSettled(
        texts.map((text, index) => send((index % 2 ? laptop : phone).client, chatId, `cold-${index}`, text)),
      );

      // Assess
      expect(acks.filter((ack) => ack.status === "rejected")).toEqual([]);
      const transcript = await phone.client.getTranscript(chatId);
      const seqs = transcript.messages.map((message) => message.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
      // Each message was followed by the assistant's answer to it: more messages than the burst.
      expect(
        transcript.messages.filter((message) => message.from.role === "assistant").length,
      ).toBeGreaterThan(BURST);
      await expectEveryoneSawEverything([phone, laptop], chatId, texts);
      await Promise.all([phone.client.close(), laptop.client.close()]);
    } finally {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
