import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";

import { fromAuthorizerContext, tokenFromAuthorizerContext } from "../lib/auth/authorizer-context.ts";
import { connectionPorts } from "../lib/composition/connection-root.ts";
import { openConnection } from "../lib/connections/open-connection.ts";

import { logger } from "../lib/logger.ts";
import { metrics } from "../lib/metrics.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";
import type { WsEvent, WsResult } from "../lib/middleware/ws-types.ts";

/** `$connect`: the authorizer has already vouched for the caller; record the connection. */
export async function connect(event: WsEvent): Promise<WsResult> {
  const { connectionId } = event.requestContext;
  const identity = fromAuthorizerContext(event.requestContext.authorizer);
  logger.appendKeys({ connectionId, userId: identity.sub, role: identity.role });
  const token = tokenFromAuthorizerContext(event.requestContext.authorizer);
  const admission = await openConnection(connectionPorts("connect"), connectionId, identity, token);
  if (admission === "revoked") {
    logger.info("Connection refused: revoked while connecting");
    return { statusCode: 403, body: "" };
  }
  if (admission === "tooMany") {
    logger.info("Connection refused: too many open connections");
    metrics.addMetric("ConnectionsRefused", "Count", 1);
    return { statusCode: 429, body: "" };
  }
  logger.info("Connected");
  return { statusCode: 200, body: "" };
}

export const handler = middy(connect)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
