import { expect } from "vitest";
import type { ChatClient, Frame } from "./chat-client.ts";

export interface TranscriptEntry {
  readonly seq: number;
  readonly text: string;
  readonly from: { role: string; id?: string };
}

/** The whole stored transcript of a chat, paged with `getTranscript` as a client would. */
export async function transcriptOf(client: ChatClient, chatId: string): Promise<TranscriptEntry[]> {
  const entries: TranscriptEntry[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await client.request({ action: "getTranscript", chatId, afterSeq }, "transcript");
    if (page.type !== "transcript") throw new Error(`getTranscript failed: ${JSON.stringify(page)}`);
    const messages = page.messages as TranscriptEntry[];
    entries.push(...messages);
    afterSeq = messages.at(-1)?.seq ?? afterSeq;
    if (!page.hasMore) return entries;
  }
}

/**
 * Nothing lost, nothing duplicated: the stored seqs run 1..n without a gap, each sent text is stored
 * exactly once, and the client holds a message frame for every stored seq, each seq with one text.
 */
export async function expectLedgerSound(client: ChatClient, chatId: string, sentTexts: readonly string[]) {
  const transcript = await transcriptOf(client, chatId);
  expect(transcript.map((entry) => entry.seq)).toEqual(transcript.map((_entry, index) => index + 1));
  for (const text of sentTexts) expect(transcript.filter((entry) => entry.text === text)).toHaveLength(1);
  const received = new Map<number, Set<string>>();
  for (const frame of client.messages(chatId))
    received.set(Number(frame.seq), (received.get(Number(frame.seq)) ?? new Set()).add(String(frame.text)));
  for (const entry of transcript) expect([...(received.get(entry.seq) ?? [])]).toEqual([entry.text]);
  return transcript;
}

/** How often each seq of a chat arrived as a live or replayed `message` frame. */
export function seqCounts(frames: readonly Frame[], chatId: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const frame of frames)
    if (frame.type === "message" && frame.chatId === chatId)
      counts.set(Number(frame.seq), (counts.get(Number(frame.seq)) ?? 0) + 1);
  return counts;
}

/** Resumes after the last seq the client holds without a gap before it (as the SDK does), waiting for `resumed`. */
export async function resumeFromLast(client: ChatClient, chatId: string): Promise<Frame> {
  const held = new Set(client.messages(chatId).map((frame) => Number(frame.seq)));
  let afterSeq = 0;
  while (held.has(afterSeq + 1)) afterSeq += 1;
  const resumed = await client.request({ action: "resume", chatId, afterSeq }, "resumed");
  if (resumed.type !== "resumed") throw new Error(`resume failed: ${JSON.stringify(resumed)}`);
  return resumed;
}

/**
 * Sends one message as the SDK's outbox does: the same `clientMessageId` again after `RATE_LIMITED`
 * (waiting `retryAfterSeconds`) or `INTERNAL`, until it is acknowledged. Returns the ack and every
 * refusal on the way.
 */
export async function sendUntilAcked(
  client: ChatClient,
  chatId: string,
  text: string,
  clientMessageId = text,
) {
  const refusals: Frame[] = [];
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const reply = await client.request(
      { action: "sendMessage", chatId, clientMessageId, text },
      "ack",
      20_000,
    );
    if (reply.type === "ack") return { ack: reply, refusals };
    refusals.push(reply);
    if (reply.code !== "RATE_LIMITED" && reply.code !== "INTERNAL") throw new Error(JSON.stringify(reply));
    const waitSeconds = reply.code === "RATE_LIMITED" ? Number(reply.retryAfterSeconds) : 0.5;
    await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
  }
  throw new Error(`Never acknowledged: ${text}`);
}
