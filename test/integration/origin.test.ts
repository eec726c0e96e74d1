import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { customerClaims, devToken } from "./support/chat-client.ts";
import { type LocalProcess, startLocalProcess } from "./support/local-process.ts";

/**
 * The Origin allow-list over real upgrades, on a runtime of its own so that its log can be read:
 * the runtime allows its own pages (`http://127.0.0.1:PORT`, `http://localhost:PORT`), plus
 * ALLOWED_ORIGINS, and connections without an Origin (native apps).
 */
let stack: LocalProcess;
let port: string;

beforeAll(async () => {
  stack = await startLocalProcess({ env: { ALLOWED_ORIGINS: "https://chat.bank.example" } });
  port = new URL(stack.httpUrl).port;
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

/** The HTTP status of the upgrade: 101 when it opened (then closed again), else the refusal. */
function upgrade(token: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${stack.wsUrl}?token=${encodeURIComponent(token)}`, {
      headers: origin === undefined ? {} : { Origin: origin },
    });
    socket.once("open", () => {
      socket.close();
      resolve(101);
    });
    socket.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    socket.once("error", reject);
  });
}

describe("the Origin allow-list at $connect", () => {
  it("allows no Origin, the runtime's own origins and a configured one", async () => {
    // Prepare
    const token = await devToken(stack.httpUrl, customerClaims());

    // Act
    const statuses = await Promise.all([
      upgrade(token),
      upgrade(token, `http://127.0.0.1:${port}`),
      upgrade(token, `http://localhost:${port}`),
      upgrade(token, "https://chat.bank.example"),
    ]);

    // Assess
    expect(statuses).toEqual([101, 101, 101, 101]);
  });

  it("refuses null, other hosts, look-alikes, other ports and case tricks with 403", async () => {
    // Prepare
    const token = await devToken(stack.httpUrl, customerClaims());
    const origins = [
      "null",
      "https://evil.example",
      "https://chat.bank.example.evil.com",
      "https://evilchat.bank.example",
      "https://chat.bank.example:444",
      "https://CHAT.bank.example",
      "http://chat.bank.example",
      `http://127.0.0.1:${Number(port) + 1}`,
      `http://LOCALHOST:${port}`,
      `http://localhost:${port}.evil.com`,
    ];

    // Act
    const statuses = await Promise.all(origins.map((origin) => upgrade(token, origin)));

    // Assess
    expect(statuses).toEqual(origins.map(() => 403));
  });

  it("answers 401 for a bad token from an allowed origin and 403 for any token from a refused one", async () => {
    // Act
    const statuses = await Promise.all([
      upgrade("not-a-jwt", `http://127.0.0.1:${port}`),
      upgrade("not-a-jwt", "https://evil.example"),
    ]);

    // Assess
    expect(statuses).toEqual([401, 403]);
  });

  it("logs the refused origin and never the token", async () => {
    // Prepare
    const token = await devToken(stack.httpUrl, customerClaims({ sub: "origin-log-check" }));

    // Act
    const status = await upgrade(token, "https://logged.evil.example");

    // Assess
    expect(status).toBe(403);
    await expect.poll(() => stack.output(), { timeout: 5_000 }).toContain("https://logged.evil.example");
    expect(stack.output()).toContain("origin not on the allow-list");
    expect(stack.output()).not.toContain(token);
    expect(stack.output()).not.toContain(token.split(".")[1]);
  });
});
