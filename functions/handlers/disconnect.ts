import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { awsClients, requireEnv } from "../lib/aws/clients.ts";
import { AgentStore } from "../lib/data/agent-store.ts";
import { ConnectionStore } from "../lib/data/connection-store.ts";
import { logger } from "../lib/logger.ts";
import type { WsEvent, WsResult } from "../lib/middleware/ws-types.ts";

/** `$disconnect`: forget the connection and unsubscribe it from its chats. The chats themselves stay. */
export async function disconnect(event: WsEvent): Promise<WsResult> {
  const { connectionId } = event.requestContext;
  logger.appendKeys({ connectionId });
  const store = new ConnectionStore(awsClients().documents, requireEnv("TABLE_NAME"));
  const removed = await store.forget(connectionId);
  // An agent whose last connection closed is offered nothing more until they sign in again.
  if (removed && removed.role !== "customer" && (await store.listForUser(removed.userId)).length === 0)
    await new AgentStore(awsClients().documents, requireEnv("TABLE_NAME")).markOffline(removed.userId);
  logger.info("Disconnected", { chats: removed?.chats?.size ?? 0 });
  return { statusCode: 200, body: "" };
}

export const handler = middy(disconnect).use(injectLambdaContext(logger, { resetKeys: true }));
