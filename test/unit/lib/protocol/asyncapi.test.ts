import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { asyncApiDocument } from "../../../../functions/lib/protocol/asyncapi.ts";
import { clientActions } from "../../../../functions/lib/protocol/client-frames.ts";
import { serverFrameSchemas } from "../../../../functions/lib/protocol/server-frames.ts";

describe("the AsyncAPI document", () => {
  it("is the one the schemas generate (run `npm run asyncapi` after changing a frame)", () => {
    // Prepare
    const committed = JSON.parse(readFileSync("docs/asyncapi.json", "utf8"));

    // Act
    const generated = JSON.parse(JSON.stringify(asyncApiDocument()));

    // Assess
    expect(committed).toEqual(generated);
  });

  it("describes every client action and every server frame with its required fields", () => {
    // Act
    const document = asyncApiDocument() as {
      channels: { chat: { messages: Record<string, { payload: { required?: string[] } }> } };
    };
    const { messages } = document.channels.chat;

    // Assess
    for (const action of clientActions) expect(messages[action]?.payload.required).toContain("action");
    for (const type of Object.keys(serverFrameSchemas))
      expect(messages[`${type}Frame`]?.payload.required).toContain("type");
    expect(messages.sendMessage?.payload.required).toEqual(
      expect.arrayContaining(["chatId", "clientMessageId", "text"]),
    );
  });
});
