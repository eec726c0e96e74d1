import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { toAuthorizerContext } from "../../../../functions/lib/auth/authorizer-context.ts";
import type { CustomerIdentity } from "../../../../functions/lib/auth/identity.ts";
import { ChatClosedError } from "../../../../functions/lib/errors.ts";
import type { Caller } from "../../../../functions/lib/kernel/caller.ts";
import { wsRequest } from "../../../../functions/lib/middleware/ws-request.ts";
import { wsResponse } from "../../../../functions/lib/middleware/ws-response.ts";
import { type Routes, wsRouter } from "../../../../functions/lib/middleware/ws-router.ts";
import type { WsContext, WsEvent, WsResult } from "../../../../functions/lib/middleware/ws-types.ts";
import { MAX_MESSAGE_TEXT_CHARS } from "../../../../functions/lib/protocol/limits.ts";
import { type ErrorFrame, errorFrame } from "../../../../functions/lib/protocol/server-frames.ts";

const customer: CustomerIdentity = {
  sub: "customer-1",
  role: "customer",
  name: "Ana Customer",
  country: "US",
  locale: "en-US",
  segment: "consumer",
  accounts: [{ last4: "1234", product: "Rewards Visa" }],
};

interface RouteCall {
  readonly action: string;
  readonly caller: Caller;
  readonly frame: unknown;
}

/** A deployment like functions/handlers/actions.ts, whose routes only record what reached them. */
function buildHandler(routes: (calls: RouteCall[]) => Routes) {
  const calls: RouteCall[] = [];
  const router = wsRouter(routes(calls));
  const handler = middy<WsEvent, WsResult, Error, WsContext>()
    .use(wsResponse())
    .use(wsRequest())
    .handler(router as unknown as (event: WsEvent, context: WsContext) => Promise<WsResult>);
  return { handler, calls };
}

const recordingRoutes = (calls: RouteCall[]): Routes => ({
  sendMessage: async (caller, frame) => {
    calls.push({ action: "sendMessage", caller, frame });
    return {
      type: "ack",
      requestId: frame.requestId,
      chatId: frame.chatId,
      clientMessageId: frame.clientMessageId,
      seq: 7,
      redacted: false,
      duplicate: false,
    };
  },
  startChat: async (caller, frame) => {
    calls.push({ action: "startChat", caller, frame });
    return {
      type: "chatStarted",
      requestId: frame.requestId,
      chatId: "chat-1",
      state: "assistant",
      caseNumber: "CC-261125-7K3M9Q",
    };
  },
  typing: async (caller, frame) => {
    calls.push({ action: "typing", caller, frame });
    return undefined;
  },
  resume: async (caller, frame) => {
    calls.push({ action: "resume", caller, frame });
    return {
      type: "resumed",
      requestId: frame.requestId,
      chatId: frame.chatId,
      state: "assigned",
      lastSeq: 3,
    };
  },
  endChat: async () => {
    throw new Error("ConditionalCheckFailedException: secret-table-name pk=CHAT#chat-1");
  },
  getTranscript: async () => {
    throw new ChatClosedError();
  },
});

function wsEvent(body: string | undefined, authorizer: Record<string, unknown> | undefined): WsEvent {
  return {
    body,
    isBase64Encoded: false,
    requestContext: {
      routeKey: "$default",
      messageId: "msg-1",
      eventType: "MESSAGE",
      extendedRequestId: "ext-1",
      requestTime: "25/Nov/2026:14:00:00 +0000",
      messageDirection: "IN",
      stage: "local",
      connectedAt: 1_795_000_000_000,
      requestTimeEpoch: 1_795_000_001_000,
      requestId: "req-1",
      domainName: "127.0.0.1:3001",
      connectionId: "conn-1",
      apiId: "local",
      authorizer,
    },
  };
}

const authorized = (body: string | undefined) => wsEvent(body, toAuthorizerContext(customer));

function lambdaContext(): WsContext {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: "actions",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:actions",
    memoryLimitInMB: "512",
    awsRequestId: "aws-req-1",
    logGroupName: "/aws/lambda/actions",
    logStreamName: "local",
    getRemainingTimeInMillis: () => 29_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  } satisfies Context;
}

/** Sends one event through the handler and returns the reply, with its body parsed as an error frame. */
async function sendError(event: WsEvent, routes = recordingRoutes) {
  const { handler, calls } = buildHandler(routes);
  const result = await handler(event, lambdaContext());
  const parsed = errorFrame.safeParse(JSON.parse(result.body));
  return { result, frame: parsed.data as ErrorFrame, valid: parsed.success, calls };
}

const validSendMessage = { action: "sendMessage", chatId: "chat-1", clientMessageId: "m-1", text: "Hello" };

describe("WebSocket middleware: refused frames", () => {
  it.each([
    ["malformed JSON", '{"action": "sendMessage",'],
    ["an empty body", ""],
    ["no body at all", undefined],
  ])("answers %s with BAD_REQUEST and status 200", async (_case, body) => {
    // Prepare
    const event = authorized(body);

    // Act
    const { result, frame, valid, calls } = await sendError(event);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(valid).toBe(true);
    expect(frame.code).toBe("BAD_REQUEST");
    expect(frame.message).toMatch(/JSON/);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["an array", '[{"action":"sendMessage"}]'],
    ["null", "null"],
    ["a string", '"sendMessage"'],
    ["a number", "42"],
  ])("answers a frame that is %s with BAD_REQUEST", async (_case, body) => {
    // Prepare
    const event = authorized(body);

    // Act
    const { result, frame, valid } = await sendError(event);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(valid).toBe(true);
    expect(frame.code).toBe("BAD_REQUEST");
    expect(frame.message).toMatch(/object/);
  });

  it("answers a frame without an action with BAD_REQUEST", async () => {
    // Prepare
    const event = authorized(JSON.stringify({ requestId: "r-1", chatId: "chat-1" }));

    // Act
    const { frame, valid } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(frame).toMatchObject({ type: "error", requestId: "r-1", code: "BAD_REQUEST" });
    expect(frame.message).toContain("action");
  });

  it("answers an action that is not a string with BAD_REQUEST", async () => {
    // Prepare
    const event = authorized(JSON.stringify({ action: 7, requestId: "r-2" }));

    // Act
    const { frame, valid } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(frame).toMatchObject({ requestId: "r-2", code: "BAD_REQUEST" });
  });

  it.each(["deleteEverything", "SendMessage", "toString", "__proto__", "constructor"])(
    "answers the unknown action %j with UNKNOWN_ACTION",
    async (action) => {
      // Prepare
      const event = authorized(JSON.stringify({ action, requestId: "r-3" }));

      // Act
      const { result, frame, valid, calls } = await sendError(event);

      // Assess
      expect(result.statusCode).toBe(200);
      expect(valid).toBe(true);
      expect(frame).toMatchObject({ requestId: "r-3", code: "UNKNOWN_ACTION" });
      expect(calls).toHaveLength(0);
    },
  );

  it("answers a protocol action that has no route in this deployment with UNKNOWN_ACTION", async () => {
    // Prepare
    const event = authorized(
      JSON.stringify({ action: "setPresence", status: "available", requestId: "r-4" }),
    );

    // Act
    const { frame, valid } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(frame).toMatchObject({ requestId: "r-4", code: "UNKNOWN_ACTION" });
    expect(frame.message).toContain("setPresence");
  });

  it.each([
    ["chatId", { ...validSendMessage, chatId: 42 }],
    ["clientMessageId", { ...validSendMessage, clientMessageId: undefined }],
    ["text", { ...validSendMessage, text: ["Hello"] }],
    ["text", { ...validSendMessage, text: "" }],
  ])("answers an ill-typed or missing %s with BAD_REQUEST naming the field", async (field, body) => {
    // Prepare
    const event = authorized(JSON.stringify({ ...body, requestId: "r-5" }));

    // Act
    const { frame, valid, calls } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(frame).toMatchObject({ requestId: "r-5", code: "BAD_REQUEST" });
    expect(frame.message).toContain(field);
    expect(calls).toHaveLength(0);
  });

  it("names the nested field of an ill-typed value", async () => {
    // Prepare
    const event = authorized(JSON.stringify({ action: "resume", chatId: "chat-1", afterSeq: -1 }));

    // Act
    const { frame, valid } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(frame.code).toBe("BAD_REQUEST");
    expect(frame.message).toContain("afterSeq");
  });

  it("answers a message text of 4,001 characters with PAYLOAD_TOO_LARGE", async () => {
    // Prepare
    const text = "a".repeat(MAX_MESSAGE_TEXT_CHARS + 1);
    const event = authorized(JSON.stringify({ ...validSendMessage, text, requestId: "r-6" }));

    // Act
    const { result, frame, valid, calls } = await sendError(event);

    // Assess
    expect(MAX_MESSAGE_TEXT_CHARS).toBe(4_000);
    expect(result.statusCode).toBe(200);
    expect(valid).toBe(true);
    expect(frame).toMatchObject({ requestId: "r-6", code: "PAYLOAD_TOO_LARGE" });
    expect(calls).toHaveLength(0);
  });

  it("counts characters, not UTF-16 units: 4,000 emoji pass and 4,001 do not", async () => {
    // Prepare
    const fits = authorized(
      JSON.stringify({ ...validSendMessage, text: "😀".repeat(MAX_MESSAGE_TEXT_CHARS) }),
    );
    const over = authorized(
      JSON.stringify({ ...validSendMessage, text: "😀".repeat(MAX_MESSAGE_TEXT_CHARS + 1) }),
    );

    // Act
    const [accepted, refused] = await Promise.all([sendError(fits), sendError(over)]);

    // Assess
    expect(accepted.valid).toBe(false);
    expect(accepted.calls).toHaveLength(1);
    expect(refused.frame.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers an opening text of 4,001 characters on startChat with PAYLOAD_TOO_LARGE", async () => {
    // Prepare
    const text = "b".repeat(MAX_MESSAGE_TEXT_CHARS + 1);
    const event = authorized(JSON.stringify({ action: "startChat", text }));

    // Act
    const { frame, valid } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(frame.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("echoes requestId on errors, capped at 128 characters", async () => {
    // Prepare
    const requestId = "x".repeat(300);
    const event = authorized(JSON.stringify({ action: "nope", requestId }));

    // Act
    const { frame, valid } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(frame.requestId).toBe("x".repeat(128));
  });

  it("leaves out a requestId that is not a string", async () => {
    // Prepare
    const event = authorized(JSON.stringify({ action: "nope", requestId: 12 }));

    // Act
    const { result, valid } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(JSON.parse(result.body)).not.toHaveProperty("requestId");
  });

  it("answers a connection without an identity with UNAUTHORIZED", async () => {
    // Prepare
    const event = wsEvent(JSON.stringify({ ...validSendMessage, requestId: "r-7" }), undefined);

    // Act
    const { result, frame, valid, calls } = await sendError(event);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(valid).toBe(true);
    expect(frame).toMatchObject({ requestId: "r-7", code: "UNAUTHORIZED" });
    expect(calls).toHaveLength(0);
  });

  it("answers an authorizer context whose identity lacks required claims with UNAUTHORIZED", async () => {
    // Prepare
    const { country: _country, ...withoutCountry } = customer;
    const authorizer = { sub: customer.sub, role: "customer", identity: JSON.stringify(withoutCountry) };
    const event = wsEvent(JSON.stringify(validSendMessage), authorizer);

    // Act
    const { frame, valid } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(frame.code).toBe("UNAUTHORIZED");
  });
});

describe("WebSocket middleware: routed frames", () => {
  it("passes the caller and the validated frame to the route and replies with its frame", async () => {
    // Prepare
    const { handler, calls } = buildHandler(recordingRoutes);
    const event = authorized(JSON.stringify({ ...validSendMessage, requestId: "r-8" }));

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({
      type: "ack",
      requestId: "r-8",
      chatId: "chat-1",
      clientMessageId: "m-1",
      seq: 7,
      redacted: false,
      duplicate: false,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.caller).toEqual({
      connectionId: "conn-1",
      identity: customer,
      redaction: { redacted: false, fields: {} },
    });
    expect(calls[0]?.frame).toEqual({ ...validSendMessage, requestId: "r-8" });
  });

  it("accepts a message text of exactly 4,000 characters", async () => {
    // Prepare
    const { handler, calls } = buildHandler(recordingRoutes);
    const text = "a".repeat(MAX_MESSAGE_TEXT_CHARS);
    const event = authorized(JSON.stringify({ ...validSendMessage, text }));

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(JSON.parse(result.body)).toMatchObject({ type: "ack", seq: 7 });
    expect(calls[0]?.frame).toMatchObject({ text: text });
  });

  it("routes by the frame's action, not by the route key", async () => {
    // Prepare
    const { handler, calls } = buildHandler(recordingRoutes);
    const event = authorized(JSON.stringify({ action: "startChat" }));
    event.requestContext.routeKey = "sendMessage";

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(calls.map((call) => call.action)).toEqual(["startChat"]);
    expect(JSON.parse(result.body)).toMatchObject({ type: "chatStarted", chatId: "chat-1" });
  });

  it("gives the route the schema's defaults", async () => {
    // Prepare
    const { handler, calls } = buildHandler(recordingRoutes);
    const event = authorized(JSON.stringify({ action: "resume", chatId: "chat-1" }));

    // Act
    await handler(event, lambdaContext());

    // Assess
    expect(calls[0]?.frame).toEqual({ action: "resume", chatId: "chat-1", afterSeq: 0 });
  });

  it("drops fields the protocol does not define before the route sees the frame", async () => {
    // Prepare
    const { handler, calls } = buildHandler(recordingRoutes);
    const event = authorized(JSON.stringify({ action: "typing", chatId: "chat-1", isAdmin: true }));

    // Act
    await handler(event, lambdaContext());

    // Assess
    expect(calls[0]?.frame).toEqual({ action: "typing", chatId: "chat-1" });
  });

  it("replies with an empty body when the route returns nothing", async () => {
    // Prepare
    const { handler, calls } = buildHandler(recordingRoutes);
    const event = authorized(JSON.stringify({ action: "typing", chatId: "chat-1" }));

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(result).toEqual({ statusCode: 200, body: "" });
    expect(calls).toHaveLength(1);
  });

  it("reports an unexpected error as INTERNAL without its message", async () => {
    // Prepare
    const event = authorized(JSON.stringify({ action: "endChat", chatId: "chat-1", requestId: "r-9" }));

    // Act
    const { result, frame, valid } = await sendError(event);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(valid).toBe(true);
    expect(frame).toMatchObject({ type: "error", requestId: "r-9", code: "INTERNAL" });
    expect(result.body).not.toContain("ConditionalCheckFailedException");
    expect(result.body).not.toContain("secret-table-name");
  });

  it("reports a protocol error thrown by the route with its own code and message", async () => {
    // Prepare
    const event = authorized(
      JSON.stringify({ action: "getTranscript", chatId: "chat-1", requestId: "r-10" }),
    );

    // Act
    const { frame, valid } = await sendError(event);

    // Assess
    expect(valid).toBe(true);
    expect(frame).toEqual({
      type: "error",
      requestId: "r-10",
      code: "CHAT_CLOSED",
      message: new ChatClosedError().message,
    });
  });
});

describe("wsRouter", () => {
  it("refuses to run without the request middleware", async () => {
    // Prepare
    const router = wsRouter({});

    // Act
    const run = router(authorized("{}"), lambdaContext());

    // Assess
    await expect(run).rejects.toThrow(/wsRequest/);
  });
});
