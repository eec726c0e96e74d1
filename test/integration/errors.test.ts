import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";

const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");

describe("bad input gets an error frame and the connection stays usable", () => {
  let client: ChatClient;
  let chatId: string;

  beforeAll(async () => {
    client = await ChatClient.connect(wsUrl, await devToken(httpUrl, customerClaims()));
    chatId = String((await client.request({ action: "startChat" }, "chatStarted")).chatId);
  });
  afterAll(() => client.close());

  it("answers malformed JSON with BAD_REQUEST", async () => {
    // Act
    client.send("{not json");
    const error = await client.nextOfType("error");

    // Assess
    expect(error).toMatchObject({ type: "error", code: "BAD_REQUEST" });
    expect(client.isOpen).toBe(true);
  });

  it.each([
    [{ action: "fly" }, "UNKNOWN_ACTION"],
    [{ noAction: true }, "BAD_REQUEST"],
    [{ action: "sendMessage", chatId: "x" }, "BAD_REQUEST"],
    [{ action: "sendMessage", chatId: 42, clientMessageId: "a", text: "hi" }, "BAD_REQUEST"],
    [{ action: "resume", chatId: "x", afterSeq: -1 }, "BAD_REQUEST"],
    [{ action: "sendMessage", chatId: "no-such-chat", clientMessageId: "a", text: "hi" }, "NOT_FOUND"],
    [{ action: "getTranscript", chatId: "no-such-chat" }, "NOT_FOUND"],
  ])("answers %j with %s and echoes the requestId", async (frame, code) => {
    // Act
    const error = await client.request(frame, "never");

    // Assess
    expect(error).toMatchObject({ type: "error", code });
    expect(typeof error.message).toBe("string");
  });

  it("refuses a message over 4,000 characters with PAYLOAD_TOO_LARGE, stores nothing and keeps the connection", async () => {
    // Prepare
    const before = await client.request({ action: "getTranscript", chatId }, "transcript");

    // Act
    const error = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "big", text: "x".repeat(4_001) },
      "ack",
    );
    const after = await client.request({ action: "getTranscript", chatId }, "transcript");
    const ok = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "small", text: "hello" },
      "ack",
    );

    // Assess
    expect(error).toMatchObject({ type: "error", code: "PAYLOAD_TOO_LARGE" });
    expect(after.messages).toEqual(before.messages);
    expect(ok).toMatchObject({ type: "ack" });
  });

  it("does not let another customer read or write a chat, and leaks nothing of it", async () => {
    // Prepare
    const stranger = await ChatClient.connect(wsUrl, await devToken(httpUrl, customerClaims()));

    // Act
    const replies = [
      await stranger.request({ action: "getTranscript", chatId }, "transcript"),
      await stranger.request({ action: "resume", chatId, afterSeq: 0 }, "resumed"),
      await stranger.request({ action: "sendMessage", chatId, clientMessageId: "x", text: "hi" }, "ack"),
      await stranger.request({ action: "endChat", chatId }, "chatEnding"),
    ];

    // Assess
    for (const reply of replies) expect(reply).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(stranger.frames.some((frame) => frame.type === "message")).toBe(false);
    await stranger.close();
  });

  it("refuses startChat from an agent with FORBIDDEN", async () => {
    // Prepare
    const agent = await ChatClient.connect(
      wsUrl,
      await devToken(httpUrl, {
        sub: "agent-1",
        role: "agent",
        name: "Sam",
        queues: ["*"],
        languages: ["en"],
        maxChats: 3,
      }),
    );

    // Act
    const error = await agent.request({ action: "startChat" }, "chatStarted");

    // Assess
    expect(error).toMatchObject({ type: "error", code: "FORBIDDEN" });
    await agent.close();
  });

  it("closes a connection that sends a frame over 32 KB with 1009, as API Gateway does", async () => {
    // Prepare
    const victim = await ChatClient.connect(wsUrl, await devToken(httpUrl, customerClaims()));

    // Act
    victim.send({ action: "sendMessage", chatId, clientMessageId: "huge", text: "y".repeat(33 * 1024) });
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Assess
    expect(victim.closeCode).toBe(1009);
    const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");
    expect(
      (transcript.messages as { text: string }[]).some((message) => message.text.startsWith("yyy")),
    ).toBe(false);
  });
});
