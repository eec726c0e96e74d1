import { afterAll, describe, expect, inject, it } from "vitest";
import {
  MAX_CONNECTIONS_PER_USER,
  MAX_OPEN_CHATS_PER_CUSTOMER,
} from "../../functions/lib/protocol/limits.ts";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";

/** Caps per user: open connections (refused at connect) and open chats (startChat beyond is CONFLICT). */
const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");
const open: ChatClient[] = [];
afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
});

describe("caps", () => {
  it("a customer holding the most open chats is refused another, told why, and can start again after ending one", async () => {
    // Prepare
    const client = await ChatClient.connect(wsUrl, await devToken(httpUrl, customerClaims()));
    open.push(client);
    const chatIds: string[] = [];
    for (let index = 0; index < MAX_OPEN_CHATS_PER_CUSTOMER; index += 1)
      chatIds.push(String((await client.request({ action: "startChat" }, "chatStarted")).chatId));

    // Act
    const refused = await client.request({ action: "startChat" }, "chatStarted");
    const listed = await client.request({ action: "listChats" }, "chats");
    await client.request({ action: "endChat", chatId: chatIds[0] }, "chatEnding");
    await client.next((frame) => frame.type === "chatEnded" && frame.chatId === chatIds[0], 20_000);
    let again = await client.request({ action: "startChat" }, "chatStarted");
    // gsi1 (where the cap reads the chats) is eventually consistent: the ended chat shows within moments.
    for (let tries = 0; again.type === "error" && again.code === "CONFLICT" && tries < 20; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await client.request({ action: "startChat" }, "chatStarted");
    }

    // Assess
    expect(refused).toMatchObject({ type: "error", code: "CONFLICT" });
    expect(String(refused.message)).toContain("listChats");
    const states = (listed.chats as { chatId: string; state: string }[]).filter((chat) =>
      chatIds.includes(chat.chatId),
    );
    expect(states.map((chat) => chat.state)).toEqual(["assistant", "assistant", "assistant"]);
    expect(again.type).toBe("chatStarted");
  }, 60_000);

  it("connections per user: the one beyond the cap is refused at connect (429), the others stay open", async () => {
    // Prepare
    const token = await devToken(httpUrl, customerClaims());
    const held: ChatClient[] = [];
    for (let index = 0; index < MAX_CONNECTIONS_PER_USER; index += 1)
      held.push(await ChatClient.connect(wsUrl, token));
    open.push(...held);

    // Act
    const refused = await ChatClient.connect(wsUrl, token).then(
      (client) => {
        open.push(client);
        return undefined;
      },
      (error: Error & { statusCode?: number }) => error,
    );
    await held[0]?.close();
    const afterOneClosed = await ChatClient.connect(wsUrl, token);
    open.push(afterOneClosed);
    const pong = await afterOneClosed.request({ action: "ping" }, "pong");

    // Assess
    expect(refused?.statusCode).toBe(429);
    expect(held.slice(1).every((client) => client.isOpen)).toBe(true);
    expect(pong.type).toBe("pong");
  }, 60_000);
});
