import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { toAuthorizerContext } from "../../../../functions/lib/auth/authorizer-context.ts";
import type { CustomerIdentity } from "../../../../functions/lib/auth/identity.ts";
import type { Caller } from "../../../../functions/lib/kernel/caller.ts";
import { wsRequest } from "../../../../functions/lib/middleware/ws-request.ts";
import { wsResponse } from "../../../../functions/lib/middleware/ws-response.ts";
import { wsRouter } from "../../../../functions/lib/middleware/ws-router.ts";
import type { WsContext, WsEvent, WsResult } from "../../../../functions/lib/middleware/ws-types.ts";

const CARD = "4111 1111 1111 1111";
const customer: CustomerIdentity = {
  sub: "customer-1",
  role: "customer",
  name: `Ana ${CARD}`,
  country: "US",
  locale: "en-US",
  segment: "consumer",
  accounts: [],
};

function run(body: string) {
  const calls: { caller: Caller; frame: unknown }[] = [];
  const router = wsRouter({
    startChat: async (caller, frame) => {
      calls.push({ caller, frame });
      return undefined;
    },
    transferChat: async (caller, frame) => {
      calls.push({ caller, frame });
      return undefined;
    },
  });
  const handler = middy<WsEvent, WsResult, Error, WsContext>()
    .use(wsResponse())
    .use(wsRequest())
    .handler(router as unknown as (event: WsEvent, context: WsContext) => Promise<WsResult>);
  const event = {
    body,
    isBase64Encoded: false,
    requestContext: {
      routeKey: "$default",
      eventType: "MESSAGE",
      connectionId: "conn-1",
      authorizer: toAuthorizerContext(customer),
    },
  } as unknown as WsEvent;
  const context = { functionName: "actions", awsRequestId: "aws-1" } as unknown as Context;
  return { event, calls, result: handler(event, context) };
}

const digitsOnly = (value: unknown) => JSON.stringify(value).replace(/\D/g, "");

describe("wsRequest: masking at the request boundary", () => {
  it("masks every string field of a frame before the route sees it and reports what it hid", async () => {
    // Prepare
    const frame = { action: "startChat", topic: `card ${CARD}`, text: `cvv 123 ${CARD}`, requestId: "r-1" };

    // Act
    const { calls, event, result } = run(JSON.stringify(frame));
    await result;

    // Assess
    expect(calls).toHaveLength(1);
    expect(calls[0]?.frame).toMatchObject({ topic: "card [card ending 1111]", requestId: "r-1" });
    expect(calls[0]?.caller.redaction).toEqual({
      redacted: true,
      fields: { topic: ["card-number"], text: ["card-number", "security-code"] },
    });
    expect(calls[0]?.caller.identity.name).toBe("Ana [card ending 1111]");
    expect(digitsOnly([calls, event.body])).not.toContain("4111111111111111");
  });

  it("masks an id before it is echoed in an error reply", async () => {
    // Prepare
    const frame = { action: "transferChat", chatId: 7, requestId: `r ${CARD}` };

    // Act
    const { calls, result } = run(JSON.stringify(frame));
    const reply = JSON.parse((await result).body) as Record<string, unknown>;

    // Assess
    expect(calls).toHaveLength(0);
    expect(reply).toMatchObject({ type: "error", code: "BAD_REQUEST", requestId: "r [card ending 1111]" });
  });

  it("masks an unknown action before it is named in the error", async () => {
    // Prepare
    const frame = { action: `pay-${CARD.replaceAll(" ", "-")}` };

    // Act
    const { result } = run(JSON.stringify(frame));
    const reply = JSON.parse((await result).body) as Record<string, unknown>;

    // Assess
    expect(reply).toMatchObject({ type: "error", code: "UNKNOWN_ACTION" });
    expect(digitsOnly(reply)).not.toContain("4111111111111111");
  });

  it("treats prototype keys as data and refuses a frame nested too deep, reading no value", async () => {
    // Prepare
    const nested = `${'{"__proto__":'.repeat(50)}"${CARD}"${"}".repeat(50)}`;
    const body = `{"action":"transferChat","chatId":"c-1","note":${nested},"__proto__":{"polluted":1}}`;

    // Act
    const { calls, event, result } = run(body);
    const reply = JSON.parse((await result).body) as Record<string, unknown>;

    // Assess
    expect(reply).toMatchObject({ type: "error", code: "BAD_REQUEST" });
    expect(calls).toHaveLength(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(digitsOnly(event.body)).not.toContain("4111111111111111");
  });
});
