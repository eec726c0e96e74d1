import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";
import { type LocalProcess, startLocalProcess } from "./support/local-process.ts";

/** API Gateway's idle timeout and connection lifetime, shortened so they can be watched happen. */
let stack: LocalProcess;

beforeAll(async () => {
  stack = await startLocalProcess({
    env: { CARECHAT_IDLE_TIMEOUT_MS: "1500", CARECHAT_MAX_CONNECTION_MS: "3000" },
  });
}, 60_000);

afterAll(() => stack?.stop());

const closed = (client: ChatClient) =>
  new Promise<number>((resolve) => {
    const timer = setInterval(() => {
      if (client.closeCode !== undefined) {
        clearInterval(timer);
        resolve(client.closeCode);
      }
    }, 50);
  });

describe("connection limits", () => {
  it("closes an idle connection with 1001 and keeps a chatty one open until its lifetime ends", async () => {
    // Prepare
    const token = await devToken(stack.httpUrl, customerClaims());
    const idle = await ChatClient.connect(stack.wsUrl, token);
    const chatty = await ChatClient.connect(stack.wsUrl, token);
    const chatId = String((await chatty.request({ action: "startChat" }, "chatStarted")).chatId);
    const startedAt = Date.now();
    const keepAlive = setInterval(() => chatty.send({ action: "typing", chatId }), 500);

    // Act
    const idleCode = await closed(idle);
    const idleAfter = Date.now() - startedAt;
    const chattyCode = await closed(chatty);
    const chattyAfter = Date.now() - startedAt;
    clearInterval(keepAlive);

    // Assess
    expect(idleCode).toBe(1001);
    expect(idleAfter).toBeLessThan(chattyAfter);
    expect(chattyCode).toBe(1001);
    expect(chattyAfter).toBeGreaterThanOrEqual(2_000);
  }, 20_000);
});
