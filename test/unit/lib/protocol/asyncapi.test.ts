import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";
import { describe, expect, it } from "vitest";
import { asyncApiDocument } from "../../../../functions/lib/protocol/asyncapi.ts";
import { clientActions, clientFrameSchemas } from "../../../../functions/lib/protocol/client-frames.ts";
import { serverFrameSchemas } from "../../../../functions/lib/protocol/server-frames.ts";
import type * as z from "../../../../functions/lib/zod.ts";

interface Payload {
  required?: string[];
  properties?: Record<string, unknown>;
}
interface Document {
  channels: { chat: { messages: Record<string, { payload: Payload; correlationId?: unknown }> } };
  operations: Record<string, { action: string; reply?: { messages: { $ref: string }[] } }>;
  components: { securitySchemes: Record<string, unknown>; correlationIds: Record<string, unknown> };
}

/** Required fields read from the zod shape itself: a field is required if `undefined` fails it. */
const requiredOf = (schema: z.ZodMiniObject) =>
  Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodMiniType).safeParse(undefined).success)
    .map(([name]) => name)
    .sort();

describe("the AsyncAPI document", () => {
  it("is the one the schemas generate (run `npm run asyncapi` after changing a frame)", () => {
    // Prepare
    const committed = JSON.parse(readFileSync("docs/asyncapi.json", "utf8"));

    // Act
    const generated = JSON.parse(JSON.stringify(asyncApiDocument()));

    // Assess
    expect(committed).toEqual(generated);
  });

  it("passes the official AsyncAPI parser with no error and no warning", async () => {
    // Prepare
    const parser = new Parser();

    // Act
    const { document, diagnostics } = await parser.parse(JSON.stringify(asyncApiDocument()));

    // Assess: severity 0 is an error, 1 a warning (2 and 3 are information and hints).
    const problems = diagnostics.filter((diagnostic) => diagnostic.severity <= 1);
    expect(
      problems.map((problem) => `${problem.code}: ${problem.message} at ${problem.path.join(".")}`),
    ).toEqual([]);
    expect(document).toBeDefined();
    expect(document?.operations().all().length).toBe(clientActions.length + 1);
    for (const operation of document?.operations().all() ?? [])
      expect(operation.description(), operation.id()).toMatch(/\w{3,}/);
    for (const message of document?.messages().all() ?? [])
      expect(message.description(), message.id()).toMatch(/\w{3,}/);
  });

  it("describes every client and server frame with the required fields of its schema", () => {
    // Act
    const { messages } = (asyncApiDocument() as unknown as Document).channels.chat;

    // Assess
    for (const [action, schema] of Object.entries(clientFrameSchemas))
      expect([...(messages[action]?.payload.required ?? [])].sort(), action).toEqual(requiredOf(schema));
    for (const [type, schema] of Object.entries(serverFrameSchemas))
      expect([...(messages[`${type}Frame`]?.payload.required ?? [])].sort(), type).toEqual(
        requiredOf(schema),
      );
    expect(messages.sendMessage?.payload.required).toEqual(
      expect.arrayContaining(["action", "chatId", "clientMessageId", "text"]),
    );
  });

  it("declares the token in the query and correlates every reply by requestId", () => {
    // Act
    const document = asyncApiDocument() as unknown as Document;

    // Assess
    expect(document.components.securitySchemes.token).toMatchObject({
      type: "httpApiKey",
      in: "query",
      name: "token",
    });
    expect(document.components.correlationIds.requestId).toMatchObject({
      location: "$message.payload#/requestId",
    });
    for (const action of clientActions) {
      const operation = document.operations[action];
      expect(operation?.action, action).toBe("receive");
      expect(operation?.reply?.messages.map((message) => message.$ref)).toContain(
        "#/channels/chat/messages/errorFrame",
      );
      expect(document.channels.chat.messages[action]?.correlationId).toBeDefined();
    }
  });
});
