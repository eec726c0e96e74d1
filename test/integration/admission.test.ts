import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../local/stack.ts";
import { ChatClient, customerClaims, devToken, type Frame } from "./support/chat-client.ts";

/**
 * Overload on a runtime whose actions function may run 2 invocations at once with 3 waiting: every
 * frame is answered, either by its route or by RATE_LIMITED with retryAfterSeconds, and none waits
 * for a slot longer than the queue wait.
 */
describe("admission control in the local runtime", { timeout: 120_000 }, () => {
  let stack: LocalStack;
  let dataDir: string;
  beforeAll(async () => {
    process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
    dataDir = mkdtempSync(join(tmpdir(), "carechat-admission-"));
    stack = await startLocalStack({
      dataDir,
      tickMs: 2 ** 31 - 1,
      actionLimits: { concurrency: 2, queue: 3, maxWaitMs: 300 },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses the excess of a flood with RATE_LIMITED at once, answers the rest, and stays usable", async () => {
    // Prepare: a few connections, so the per-connection frame limit is not what refuses.
    const clients = await Promise.all(
      Array.from({ length: 4 }, async () =>
        ChatClient.connect(stack.url, await devToken(stack.httpUrl, customerClaims())),
      ),
    );
    const [first, second] = clients as [ChatClient, ChatClient];
    const { chatId } = await first.request({ action: "startChat" }, "chatStarted");

    // Act: 40 frames at once (each asks for a transcript: a real read per invocation).
    const replies: Frame[] = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        (clients[index % 4] as ChatClient).request(
          { action: index % 4 === 0 ? "getTranscript" : "ping", chatId },
          index % 4 === 0 ? "transcript" : "pong",
          20_000,
        ),
      ),
    );
    const afterwards = await second.request({ action: "ping" }, "pong");

    // Assess
    const refused = replies.filter((reply) => reply.type === "error");
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(40);
    for (const reply of refused)
      expect(reply).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 1, message: /busy/ });
    expect(afterwards.type).toBe("pong");
    expect(stack.runner.admission("actions")?.counts).toMatchObject({ running: 0, waiting: 0 });
    await Promise.all(clients.map((client) => client.close()));
  });
});
