import * as z from "../zod.ts";
import { asyncApiDescriptions, clientReplies } from "./asyncapi-descriptions.ts";
import { clientFrameSchemas } from "./client-frames.ts";
import { serverFrameSchemas } from "./server-frames.ts";

/**
 * The AsyncAPI 3 document of the WebSocket protocol, generated from the zod schemas so the published
 * description can never drift from what the handlers validate. It describes the carechat service:
 * it receives client frames (each a request, answered by a reply that echoes `requestId`) and sends
 * server frames. `npm run asyncapi` writes it to docs/asyncapi.json; a unit test fails when the
 * committed file is stale and another validates it with the official parser.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const schema = (frame: z.ZodMiniType, io: "input" | "output") => {
    const { $schema: _, ...rest } = z.toJSONSchema(frame, { io, unrepresentable: "any" }) as Record<
      string,
      unknown
    >;
    return rest;
  };
  const { clientMessages, serverMessages } = asyncApiDescriptions;
  const correlationId = { $ref: "#/components/correlationIds/requestId" };
  const messages: Record<string, unknown> = {};
  for (const [action, frame] of Object.entries(clientFrameSchemas))
    messages[action] = {
      name: action,
      title: `${action} (client)`,
      description: clientMessages[action as keyof typeof clientMessages],
      contentType: "application/json",
      correlationId,
      payload: schema(frame, "input"),
    };
  for (const [type, frame] of Object.entries(serverFrameSchemas)) {
    const payload = schema(frame, "output") as { properties?: Record<string, unknown> };
    messages[`${type}Frame`] = {
      name: type,
      title: `${type} (server)`,
      description: serverMessages[type as keyof typeof serverMessages],
      contentType: "application/json",
      ...(payload.properties && "requestId" in payload.properties ? { correlationId } : {}),
      payload,
    };
  }
  const ref = (name: string) => ({ $ref: `#/channels/chat/messages/${name}` });
  const channel = { $ref: "#/channels/chat" };
  const operations: Record<string, unknown> = {};
  for (const action of Object.keys(clientFrameSchemas) as (keyof typeof clientReplies)[]) {
    const replies = clientReplies[action];
    operations[action] = {
      action: "receive",
      channel,
      summary: clientMessages[action],
      description: replies.length
        ? `Replies with ${replies.map((type) => `\`${type}\``).join(" or ")} (or \`error\`), echoing \`requestId\`.`
        : "No reply on success; a refusal is an `error` frame echoing `requestId`.",
      messages: [ref(action)],
      reply: { channel, messages: [...replies, "error"].map((type) => ref(`${type}Frame`)) },
    };
  }
  const pushed = Object.keys(serverFrameSchemas) as (keyof typeof serverMessages)[];
  operations.pushFrames = {
    action: "send",
    channel,
    summary: "Frames the service pushes: events of the chats a connection takes part in.",
    description:
      "Every participant's connection receives the chat's `message` frames (ordered by `seq`) and events such as `typing`, `queueStatus`, `agentJoined` and `chatEnded`. Replies to requests arrive on the same socket and carry the request's `requestId`.",
    messages: pushed.map((type) => ref(`${type}Frame`)),
  };
  return {
    asyncapi: "3.1.0",
    info: {
      title: "carechat WebSocket protocol",
      version: "2.0.0",
      description:
        "Customer-care chat over API Gateway WebSocket. Connect to ws(s)://HOST[/STAGE]?token=JWT; client frames are JSON objects with `action` (the route) and an optional `requestId`, server frames carry `type`. The full rules (seq, resume, limits, error codes) are in docs/PROTOCOL.md.",
      license: { name: "Apache-2.0", url: "https://www.apache.org/licenses/LICENSE-2.0" },
      contact: { name: "carechat maintainers", url: "https://github.com/carechat/carechat" },
    },
    defaultContentType: "application/json",
    servers: {
      local: {
        host: "127.0.0.1:3001",
        protocol: "ws",
        description: "The local runtime started by `npm start`.",
        security: [{ $ref: "#/components/securitySchemes/token" }],
      },
      aws: {
        host: "{apiId}.execute-api.{region}.amazonaws.com",
        pathname: "/{stage}",
        protocol: "wss",
        description: "An API Gateway WebSocket API deployed by the CDK app.",
        variables: {
          apiId: { description: "The WebSocket API's id." },
          region: { description: "The AWS region.", default: "us-east-1" },
          stage: { description: "The API stage.", default: "prod" },
        },
        security: [{ $ref: "#/components/securitySchemes/token" }],
      },
    },
    channels: {
      chat: {
        address: "/",
        title: "Chat connection",
        description:
          "One WebSocket connection per client. API Gateway closes it after 10 minutes without a frame and after 2 hours in any case; a frame over 32 KB closes it with 1009.",
        messages,
        bindings: {
          ws: {
            method: "GET",
            query: {
              type: "object",
              properties: {
                token: { type: "string", description: "The caller's JWT (see docs/PROTOCOL.md)." },
              },
              required: ["token"],
            },
            bindingVersion: "0.1.0",
          },
        },
      },
    },
    operations,
    components: {
      securitySchemes: {
        token: {
          type: "httpApiKey",
          in: "query",
          name: "token",
          description:
            "A JWT with `sub`, `role`, `name`, `exp` and the role's claims, checked at the upgrade: a missing, expired or badly signed token is refused with HTTP 401 or 403.",
        },
      },
      correlationIds: {
        requestId: {
          description:
            "A client's `requestId`, echoed on the reply (and on an `error` frame) to that request.",
          location: "$message.payload#/requestId",
        },
      },
    },
  };
}
