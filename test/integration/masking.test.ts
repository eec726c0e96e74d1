import { describe, expect, inject, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";

const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");

describe("sensitive data in a message", () => {
  it("is masked before it is stored or delivered, and the sender is told why", async () => {
    // Prepare
    const client = await ChatClient.connect(wsUrl, await devToken(httpUrl, customerClaims()));
    const chatId = String((await client.request({ action: "startChat" }, "chatStarted")).chatId);
    const card = "4111 1111 1111 1111";

    // Act
    const ack = await client.request(
      {
        action: "sendMessage",
        chatId,
        clientMessageId: "pan",
        text: `my card is ${card} and the code is 123456`,
      },
      "ack",
    );
    const delivered = await client.next((frame) => frame.type === "message" && frame.seq === ack.seq);
    const notice = await client.next(
      (frame) => frame.type === "message" && (frame.from as { role: string }).role === "system",
    );
    const transcript = await client.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    expect(ack).toMatchObject({ redacted: true });
    expect(delivered).toMatchObject({ redacted: true });
    expect(String(delivered.text)).toContain("1111");
    expect(String(notice.text).length).toBeGreaterThan(10);
    const everything = JSON.stringify([client.frames, transcript]);
    expect(everything).not.toContain("4111 1111 1111 1111");
    expect(everything.replace(/\D/g, "")).not.toContain("4111111111111111");
    expect(everything).not.toContain("123456");
    await client.close();
  });
});
