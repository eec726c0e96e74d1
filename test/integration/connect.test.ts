import { describe, expect, inject, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";

const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");

const refusal = (token: string) =>
  ChatClient.connect(wsUrl, token).then(
    () => undefined,
    (error: { statusCode?: number }) => error.statusCode,
  );

describe("connecting", () => {
  it("accepts a valid token and reports health", async () => {
    // Prepare
    const token = await devToken(httpUrl, customerClaims());

    // Act
    const client = await ChatClient.connect(wsUrl, token);
    const health = await fetch(`${httpUrl}/health`);

    // Assess
    expect(client.isOpen).toBe(true);
    expect(health.status).toBe(200);
    await client.close();
  });

  it("refuses a missing, expired, forged or incomplete token at the upgrade with 401", async () => {
    // Prepare
    const expired = await devToken(httpUrl, { ...customerClaims(), expiresInSeconds: -60 });
    const valid = await devToken(httpUrl, customerClaims());
    const [header, payload] = valid.split(".");
    const forged = `${header}.${payload}.${"A".repeat(342)}`;
    const incomplete = await devToken(httpUrl, { sub: "x", role: "customer", name: "No Country" });

    // Act
    const statuses = await Promise.all([
      refusal(""),
      refusal(expired),
      refusal(forged),
      refusal(incomplete),
      refusal("not-a-jwt"),
    ]);

    // Assess
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
  });
});
