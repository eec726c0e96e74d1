import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, inject, it } from "vitest";
import { ChatClient, customerClaims, devToken } from "./support/chat-client.ts";

const httpUrl = inject("httpUrl");
const wsUrl = inject("wsUrl");

const refusal = (token: string) =>
  ChatClient.connect(wsUrl, token).then(
    async (client) => {
      await client.close();
      return 101;
    },
    (error: { statusCode?: number }) => error.statusCode,
  );

async function revoke(body: Record<string, unknown>) {
  const response = await fetch(`${httpUrl}/dev/revoke`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const tokenId = (token: string) =>
  (JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as { jti: string }).jti;

async function closed(client: ChatClient, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (client.isOpen && Date.now() < deadline) await sleep(50);
  return !client.isOpen;
}

describe("revocation (POST /dev/revoke, the revoke handler)", () => {
  it("revoking a user closes every open connection within seconds and refuses the token afterwards", async () => {
    // Prepare
    const claims = customerClaims();
    const [first, second] = await Promise.all([devToken(httpUrl, claims), devToken(httpUrl, claims)]);
    const phone = await ChatClient.connect(wsUrl, first ?? "");
    const laptop = await ChatClient.connect(wsUrl, second ?? "");
    const bystander = await ChatClient.connect(wsUrl, await devToken(httpUrl, customerClaims()));
    const chat = await phone.request({ action: "startChat", text: "hello" }, "chatStarted");

    // Act
    const startedAt = Date.now();
    const revoked = await revoke({ sub: claims.sub });
    const bothClosed = (await closed(phone, 5_000)) && (await closed(laptop, 5_000));
    const elapsedMs = Date.now() - startedAt;
    const again = await refusal(first ?? "");

    // Assess
    expect(revoked).toMatchObject({ status: 200, body: { closedConnections: 2 } });
    expect(chat.type).toBe("chatStarted");
    expect(bothClosed).toBe(true);
    expect(elapsedMs).toBeLessThan(10_000);
    expect(again).toBe(401);
    expect(bystander.isOpen).toBe(true);
    await bystander.close();
  });

  it("lets the user sign in again with a token issued after the revocation", async () => {
    // Prepare
    const claims = customerClaims();
    const before = await devToken(httpUrl, claims);
    await revoke({ sub: claims.sub });
    await sleep(1_100); // `iat` has one-second resolution: a token of the same second counts as revoked.

    // Act
    const after = await devToken(httpUrl, claims);
    const statuses = [await refusal(before), await refusal(after)];

    // Assess
    expect(statuses).toEqual([401, 101]);
  });

  it("revoking one token id closes only its connection; the user's other token keeps working", async () => {
    // Prepare
    const claims = customerClaims();
    const stolen = await devToken(httpUrl, claims);
    const own = await devToken(httpUrl, claims);
    const thief = await ChatClient.connect(wsUrl, stolen);
    const owner = await ChatClient.connect(wsUrl, own);

    // Act
    const revoked = await revoke({ jti: tokenId(stolen) });
    const thiefClosed = await closed(thief, 5_000);
    const statuses = [await refusal(stolen), await refusal(own)];

    // Assess
    expect(revoked).toMatchObject({ status: 200, body: { closedConnections: 1 } });
    expect(thiefClosed).toBe(true);
    expect(owner.isOpen).toBe(true);
    expect(statuses).toEqual([401, 101]);
    await owner.close();
  });

  it("answers 400 for a revocation naming neither a user nor a token", async () => {
    // Act
    const response = await revoke({});

    // Assess
    expect(response.status).toBe(400);
    expect(String(response.body.message)).toMatch(/sub|jti/);
  });
});
