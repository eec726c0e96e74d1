import { describe, expect, inject, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";

const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");

const requestToken = (claims: Record<string, unknown>) =>
  fetch(`${httpUrl}/dev/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(claims),
  });

const status = (token: string) =>
  ChatClient.connect(wsUrl, token).then(
    async (client) => {
      await client.close();
      return 101;
    },
    (error: { statusCode?: number }) => error.statusCode,
  );

describe("token policy at /dev/token and $connect", () => {
  it("refuses to mint a token living longer than the 12-hour maximum, with a clear message", async () => {
    // Act
    const tooLong = await requestToken({ ...customerClaims(), expiresInSeconds: 12 * 3_600 + 1 });
    const tenYears = await requestToken({ ...customerClaims(), expiresInSeconds: 10 * 365 * 86_400 });
    const maximum = await requestToken({ ...customerClaims(), expiresInSeconds: 12 * 3_600 });

    // Assess
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { message: string }).message).toMatch(
      /above the maximum token lifetime of 43200 s/,
    );
    expect(tenYears.status).toBe(400);
    expect(maximum.status).toBe(200);
    expect(await status(((await maximum.json()) as { token: string }).token)).toBe(101);
  });

  it("refuses a token minted for another audience with 401", async () => {
    // Prepare
    const token = await devToken(httpUrl, { ...customerClaims(), aud: "some-other-app" });

    // Act
    const result = await status(token);

    // Assess
    expect(result).toBe(401);
  });

  it("never takes role or queues from custom: attributes", async () => {
    // Prepare
    const token = await devToken(httpUrl, {
      ...customerClaims(),
      "custom:role": "supervisor",
      "custom:queues": '["*"]',
      "custom:maxChats": "20",
    });
    const client = await ChatClient.connect(wsUrl, token);

    // Act
    const presence = await client.request({ action: "setPresence", status: "available" }, "presence");
    const watch = await client.request({ action: "watchQueues" }, "queueSnapshot");

    // Assess
    expect(presence).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(watch.type).toBe("error");
    await client.close();
  });
});
