import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { connectionPorts } from "../lib/composition/connection-root.ts";
import { closeConnection } from "../lib/connections/close-connection.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";
import type { WsEvent, WsResult } from "../lib/middleware/ws-types.ts";

/** `$disconnect`: forget the connection and unsubscribe it from its chats. The chats themselves stay. */
export async function disconnect(event: WsEvent): Promise<WsResult> {
  const { connectionId } = event.requestContext;
  logger.appendKeys({ connectionId });
  const { chats } = await closeConnection(connectionPorts("disconnect"), connectionId);
  logger.info("Disconnected", { chats });
  return { statusCode: 200, body: "" };
}

export const handler = middy(disconnect)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
