import { describe, expect, inject, it } from "vitest";
import { ChatClient, customerClaims, devToken, type Frame } from "./support/chat-client.ts";

const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");

async function startedChat(claims = customerClaims(), start: Record<string, unknown> = {}) {
  const token = await devToken(httpUrl, claims);
  const client = await ChatClient.connect(wsUrl, token);
  const started = await client.request({ action: "startChat", ...start }, "chatStarted");
  expect(started.type).toBe("chatStarted");
  const chatId = String(started.chatId);
  const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");
  const lastSeq = (transcript.messages as Frame[]).length;
  await client.next((frame) => frame.type === "message" && frame.chatId === chatId && frame.seq === lastSeq);
  return { client, token, chatId, lastSeq };
}

const seqs = (frames: Frame[]) => frames.map((frame) => frame.seq);

describe("a customer's chat with the virtual assistant", () => {
  it("greets the customer and answers a first message given with startChat", async () => {
    // Prepare
    const token = await devToken(httpUrl, customerClaims({ name: "Dana Lee" }));
    const client = await ChatClient.connect(wsUrl, token);

    // Act
    const started = await client.request(
      { action: "startChat", text: "I want to dispute a $127.43 charge from XYZ Store on 08/15" },
      "chatStarted",
    );
    const chatId = String(started.chatId);
    const question = await client.next(
      (frame) => frame.type === "message" && (frame.from as Frame).role === "customer",
    );
    const answer = await client.next(
      (frame) =>
        frame.type === "message" &&
        (frame.from as Frame).role === "assistant" &&
        Number(frame.seq) > Number(question.seq),
    );

    // Assess
    expect(started).toMatchObject({ type: "chatStarted", state: "assistant" });
    const messages = client.messages(chatId);
    expect(messages[0]).toMatchObject({ seq: 1, from: { role: "assistant" }, redacted: false });
    expect(String(messages[0]?.text)).toContain("Dana");
    expect(String(answer.text)).toMatch(/60 days/);
    expect(seqs(messages)).toEqual(messages.map((_frame, index) => index + 1));
    await client.close();
  });

  it("acks a message with the next seq, delivers it, and answers a retry with the same seq and no new message", async () => {
    // Prepare
    const { client, chatId, lastSeq: before } = await startedChat();

    // Act
    const ack = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "m-1", text: "What is my payment due date?" },
      "ack",
    );
    const delivered = await client.next((frame) => frame.type === "message" && frame.seq === ack.seq);
    await client.next((frame) => frame.type === "message" && (frame.from as Frame).role === "assistant");
    const retry = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "m-1", text: "What is my payment due date?" },
      "ack",
    );
    const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    expect(ack).toMatchObject({
      type: "ack",
      chatId,
      clientMessageId: "m-1",
      seq: before + 1,
      duplicate: false,
    });
    expect(delivered).toMatchObject({ from: { role: "customer" }, text: "What is my payment due date?" });
    expect(retry).toMatchObject({ type: "ack", seq: ack.seq, duplicate: true });
    const stored = transcript.messages as Frame[];
    expect(stored.filter((message) => message.text === "What is my payment due date?")).toHaveLength(1);
    expect(seqs(stored)).toEqual(stored.map((_message, index) => index + 1));
    await client.close();
  });

  it("resumes after a dropped connection without losing a message", async () => {
    // Prepare
    const { client, token, chatId } = await startedChat();
    await client.request(
      { action: "sendMessage", chatId, clientMessageId: "a", text: "I lost my card" },
      "ack",
    );
    const seen = Math.max(...seqs(client.messages(chatId)).map(Number));
    await client.close();
    const elsewhere = await ChatClient.connect(wsUrl, token);
    await elsewhere.request(
      { action: "sendMessage", chatId, clientMessageId: "b", text: "Can you send a new one?" },
      "ack",
    );
    await elsewhere.close();

    // Act
    const back = await ChatClient.connect(wsUrl, token);
    const resumed = await back.request({ action: "resume", chatId, afterSeq: seen }, "resumed");
    const live = await back.request(
      { action: "sendMessage", chatId, clientMessageId: "c", text: "Thanks" },
      "ack",
    );
    await back.next((frame) => frame.type === "message" && frame.seq === live.seq);

    // Assess
    const replayed = back.messages(chatId).filter((frame) => Number(frame.seq) <= Number(resumed.lastSeq));
    expect(resumed).toMatchObject({ type: "resumed", chatId, state: "assistant" });
    expect(seqs(replayed)).toEqual(
      Array.from({ length: Number(resumed.lastSeq) - seen }, (_v, i) => seen + i + 1),
    );
    expect(replayed.some((frame) => frame.text === "Can you send a new one?")).toBe(true);
    await back.close();
  });

  it("tells the other participant's connections about typing", async () => {
    // Prepare
    const { client, token, chatId } = await startedChat();
    const second = await ChatClient.connect(wsUrl, token);
    await second.request({ action: "resume", chatId, afterSeq: 0 }, "resumed");
    const other = await ChatClient.connect(wsUrl, await devToken(httpUrl, customerClaims()));

    // Act
    client.send({ action: "typing", chatId });
    const outsider = await other.request({ action: "typing", chatId }, "ok");
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Assess
    expect(second.frames.some((frame) => frame.type === "typing")).toBe(false);
    expect(outsider).toMatchObject({ type: "error", code: "NOT_FOUND" });
    await Promise.all([client.close(), second.close(), other.close()]);
  });

  it("ends the chat with a case number and a written summary for every connection, then refuses new messages", async () => {
    // Prepare
    const { client, token, chatId } = await startedChat(customerClaims(), {
      text: "I want to dispute a $127.43 charge from XYZ Store on 08/15",
    });
    const second = await ChatClient.connect(wsUrl, token);
    await second.request({ action: "resume", chatId, afterSeq: 0 }, "resumed");
    const last = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "last", text: "That's all, thanks" },
      "ack",
    );

    // Act
    const ending = await client.request({ action: "endChat", chatId }, "chatEnding");
    const [ended, endedElsewhere] = await Promise.all([
      client.nextOfType("chatEnded", 20_000),
      second.nextOfType("chatEnded", 20_000),
    ]);
    const refused = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "late", text: "hi" },
      "ack",
    );
    const again = await client.request({ action: "endChat", chatId }, "chatEnding");
    const retried = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "last", text: "That's all, thanks" },
      "ack",
    );
    const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    expect(ending.type).toBe("chatEnding");
    expect(ended.caseNumber).toMatch(/^CC-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(endedElsewhere).toEqual(ended);
    expect(String(ended.summary)).toContain(String(ended.caseNumber));
    expect(String(ended.summary)).toMatch(/127\.43/);
    expect(String(ended.summary)).toMatch(/XYZ Store/);
    expect(refused).toMatchObject({ type: "error", code: "CHAT_CLOSED" });
    expect(again).toMatchObject({ type: "error", code: "CHAT_CLOSED" });
    expect(retried).toMatchObject({ type: "ack", seq: last.seq, duplicate: true });
    expect(transcript).toMatchObject({
      state: "ended",
      caseNumber: ended.caseNumber,
      summary: ended.summary,
    });
    await Promise.all([client.close(), second.close()]);
  });
});
