import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { DeleteConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
import middy from "@middy/core";
import { maxTokenLifetimeSeconds } from "../lib/auth/token-lifetime.ts";
import { connectionsClient } from "../lib/aws/connections-client.ts";
import { documentClient } from "../lib/aws/document-client.ts";
import { readEnvironment } from "../lib/config/environment.ts";
import { type RevokeResult, revokeAccess } from "../lib/connections/revoke-access.ts";
import { ConnectionStore } from "../lib/data/connection-store.ts";
import { RevocationStore } from "../lib/data/revocation-store.ts";
import { BadRequestError } from "../lib/errors.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";
import * as z from "../lib/zod.ts";

/** `{ sub }`, `{ jti }` or both: the user to sign out everywhere, or the one token to revoke. */
export const revocationRequest = z
  .object({
    sub: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
    jti: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  })
  .check(
    z.refine((request) => request.sub !== undefined || request.jti !== undefined, {
      message: "Name the user (sub) or the token (jti) to revoke.",
    }),
  );

/**
 * The bank's sign-out / revocation entry point. Invoked directly by the bank's identity provider
 * hook (`{ "sub": "..." }` or `{ "jti": "..." }`), or as the target of an EventBridge rule (the same
 * body as the event's `detail`). Locally, `POST /dev/revoke` invokes it. The revocation is stored
 * first, then the user's or token's open connections are closed with API Gateway DeleteConnection.
 */
export async function revoke(event: unknown): Promise<RevokeResult> {
  const body = isEventBridgeEvent(event) ? event.detail : event;
  const parsed = revocationRequest.safeParse(body);
  if (!parsed.success) throw new BadRequestError(parsed.error.issues[0]?.message ?? "Invalid revocation.");
  const target = parsed.data;
  const env = readEnvironment("revoke");
  const documents = documentClient();
  const connections = new ConnectionStore(documents, env.TABLE_NAME);
  const management = connectionsClient(env.WS_MANAGEMENT_ENDPOINT);
  const result = await revokeAccess(
    {
      revocations: new RevocationStore(documents, env.TABLE_NAME, maxTokenLifetimeSeconds()),
      connectionsOfUser: (sub) => connections.listForUser(sub),
      close: async (connectionId) => {
        try {
          await management.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
          return true;
        } catch (error) {
          if ((error as Error).name === "GoneException") return false;
          throw error;
        }
      },
      resweepMs: Number(process.env.REVOKE_RESWEEP_MS ?? 1_500),
    },
    target,
  );
  logger.info("Revoked", { userId: target.sub, byTokenId: target.jti !== undefined, ...result });
  return result;
}

function isEventBridgeEvent(event: unknown): event is { detail: unknown } {
  return typeof event === "object" && event !== null && "detail-type" in event && "detail" in event;
}

export const handler = middy(revoke)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
