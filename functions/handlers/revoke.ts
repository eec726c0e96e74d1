import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { DeleteConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
import middy from "@middy/core";
import { z } from "zod";
import { RevocationStore } from "../lib/auth/revocation-store.ts";
import { type RevokeResult, revokeAccess } from "../lib/auth/revoke-access.ts";
import { maxTokenLifetimeSeconds } from "../lib/auth/token-lifetime.ts";
import { awsClients, requireEnv } from "../lib/aws/clients.ts";
import { ConnectionStore } from "../lib/data/connection-store.ts";
import { BadRequestError } from "../lib/errors.ts";
import { logger } from "../lib/logger.ts";

/** `{ sub }`, `{ jti }` or both: the user to sign out everywhere, or the one token to revoke. */
export const revocationRequest = z
  .object({ sub: z.string().min(1).max(128).optional(), jti: z.string().min(1).max(256).optional() })
  .refine((request) => request.sub !== undefined || request.jti !== undefined, {
    message: "Name the user (sub) or the token (jti) to revoke.",
  });

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
  const clients = awsClients();
  const tableName = requireEnv("TABLE_NAME");
  const connections = new ConnectionStore(clients.documents, tableName);
  const result = await revokeAccess(
    {
      revocations: new RevocationStore(clients.documents, tableName, maxTokenLifetimeSeconds()),
      connectionsOfUser: (sub) => connections.listForUser(sub),
      close: async (connectionId) => {
        try {
          await clients.connections.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
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

export const handler = middy(revoke).use(injectLambdaContext(logger, { resetKeys: true }));
