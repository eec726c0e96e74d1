import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { fromAuthorizerContext, tokenFromAuthorizerContext } from "../lib/auth/authorizer-context.ts";
import { admitConnection } from "../lib/auth/connection-admission.ts";
import { RevocationStore } from "../lib/auth/revocation-store.ts";
import { maxTokenLifetimeSeconds } from "../lib/auth/token-lifetime.ts";
import { awsClients, requireEnv } from "../lib/aws/clients.ts";
import { ConnectionStore } from "../lib/data/connection-store.ts";
import { connectionExpiry } from "../lib/data/retention.ts";
import { logger } from "../lib/logger.ts";
import type { WsEvent, WsResult } from "../lib/middleware/ws-types.ts";

/** `$connect`: the authorizer has already vouched for the caller; record the connection. */
export async function connect(event: WsEvent): Promise<WsResult> {
  const { connectionId } = event.requestContext;
  const identity = fromAuthorizerContext(event.requestContext.authorizer);
  logger.appendKeys({ connectionId, userId: identity.sub, role: identity.role });
  const store = new ConnectionStore(awsClients().documents, requireEnv("TABLE_NAME"));
  const record = () =>
    store.put({
      connectionId,
      userId: identity.sub,
      role: identity.role,
      name: identity.name,
      connectedAt: new Date().toISOString(),
      expiresAt: connectionExpiry(),
    });
  const revocations = new RevocationStore(
    awsClients().documents,
    requireEnv("TABLE_NAME"),
    maxTokenLifetimeSeconds(),
  );
  const token = tokenFromAuthorizerContext(event.requestContext.authorizer);
  if (!(await admitConnection(revocations, { connectionId, userId: identity.sub, ...token }, record))) {
    await store.remove(connectionId);
    logger.info("Connection refused: revoked while connecting");
    return { statusCode: 403, body: "" };
  }
  logger.info("Connected");
  return { statusCode: 200, body: "" };
}

export const handler = middy(connect).use(injectLambdaContext(logger, { resetKeys: true }));
