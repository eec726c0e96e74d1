import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";
import { startLocalProcess } from "./support/local-process.ts";

describe("the local runtime", () => {
  it("stops cleanly on Ctrl-C and keeps chats and tokens across a restart with the same data dir", async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), "carechat-restart-"));
    const first = await startLocalProcess({ dataDir, env: { POWERTOOLS_LOG_LEVEL: "DEBUG" } });
    const token = await devToken(first.httpUrl, customerClaims());
    const client = await ChatClient.connect(first.wsUrl, token);
    const chatId = String((await client.request({ action: "startChat" }, "chatStarted")).chatId);
    const ack = await client.request(
      { action: "sendMessage", chatId, clientMessageId: "1", text: "Before the restart" },
      "ack",
    );

    // Act
    const exitCode = await first.stop("SIGINT");
    const second = await startLocalProcess({ dataDir });
    const back = await ChatClient.connect(second.wsUrl, token);
    const resumed = await back.request({ action: "resume", chatId, afterSeq: 0 }, "resumed");
    const next = await back.request(
      { action: "sendMessage", chatId, clientMessageId: "2", text: "After the restart" },
      "ack",
    );
    await second.stop();

    // Assess
    expect(exitCode).toBe(0);
    expect(client.closeCode).toBe(1001);
    expect(
      back.messages(chatId).some((frame) => frame.text === "Before the restart" && frame.seq === ack.seq),
    ).toBe(true);
    expect(next.seq).toBe(Number(resumed.lastSeq) + 1);
    const logs = first
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      // Metrics in embedded metric format are JSON lines too, but no log lines.
      .filter((line) => JSON.parse(line)._aws === undefined);
    expect(
      logs.some((line) => line.includes(`"chatId":"${chatId}"`) && line.includes('"connectionId"')),
    ).toBe(true);
    expect(logs.every((line) => JSON.parse(line).level !== undefined)).toBe(true);
    expect(first.output()).not.toContain("Before the restart");
    expect(first.output()).not.toContain("4111 1111 1111 1111");
  }, 120_000);
});
