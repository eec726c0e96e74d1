import * as z from "../zod.ts";
import { clientFrameSchemas } from "./client-frames.ts";
import { serverFrameSchemas } from "./server-frames.ts";

/**
 * The AsyncAPI 3 document of the WebSocket protocol, generated from the zod schemas so the published
 * description can never drift from what the handlers validate. `npm run asyncapi` writes it to
 * docs/asyncapi.json; a unit test fails when the committed file is stale.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const schema = (frame: z.ZodMiniType, io: "input" | "output") => {
    const { $schema: _, ...rest } = z.toJSONSchema(frame, { io, unrepresentable: "any" }) as Record<
      string,
      unknown
    >;
    return rest;
  };
  const messages: Record<string, unknown> = {};
  for (const [action, frame] of Object.entries(clientFrameSchemas))
    messages[action] = { name: action, title: `${action} (client)`, payload: schema(frame, "input") };
  for (const [type, frame] of Object.entries(serverFrameSchemas))
    messages[`${type}Frame`] = { name: type, title: `${type} (server)`, payload: schema(frame, "output") };
  const refs = (names: string[]) => names.map((name) => ({ $ref: `#/channels/chat/messages/${name}` }));
  const clientNames = Object.keys(clientFrameSchemas);
  const serverNames = Object.keys(serverFrameSchemas).map((type) => `${type}Frame`);
  return {
    asyncapi: "3.0.0",
    info: {
      title: "carechat WebSocket protocol",
      version: "1.0.0",
      description:
        "Customer-care chat over API Gateway WebSocket. Connect to ws(s)://HOST[/STAGE]?token=JWT; client frames carry `action`, server frames carry `type`. See shared/CONTRACT.md for the rules.",
    },
    servers: {
      local: { host: "127.0.0.1:3001", protocol: "ws", description: "npm start" },
      aws: { host: "{apiId}.execute-api.{region}.amazonaws.com", pathname: "/prod", protocol: "wss" },
    },
    channels: {
      chat: {
        address: "/",
        messages,
      },
    },
    operations: {
      sendToServer: { action: "send", channel: { $ref: "#/channels/chat" }, messages: refs(clientNames) },
      receiveFromServer: {
        action: "receive",
        channel: { $ref: "#/channels/chat" },
        messages: refs(serverNames),
      },
    },
  };
}
