import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from "aws-lambda";
import { toAuthorizerContext } from "../lib/auth/authorizer-context.ts";
import {
  checkOrigin,
  type OriginAllowList,
  originHeader,
  parseAllowedOrigins,
} from "../lib/auth/origin-allow-list.ts";
import { maxTokenLifetimeSeconds } from "../lib/auth/token-lifetime.ts";
import { createTokenVerifier, type TokenVerifier, type VerifiedToken } from "../lib/auth/token-verifier.ts";
import { documentClient } from "../lib/aws/document-client.ts";
import { readEnvironment } from "../lib/config/environment.ts";
import { type RevocationCheck, RevocationStore } from "../lib/data/revocation-store.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";

export interface AuthorizerDependencies {
  readonly verifier: TokenVerifier;
  readonly revocations: () => RevocationCheck;
  readonly allowedOrigins: OriginAllowList;
}

type Authorize = (event: APIGatewayRequestAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;

/**
 * The WebSocket API's REQUEST authorizer on `$connect`, in three steps:
 * 1. the browser `Origin`, when there is one, must be on the allow-list: otherwise a Deny policy,
 *    which API Gateway answers with 403;
 * 2. the `?token=` JWT must verify (signature, issuer, audience, `exp` and lifetime, claims);
 * 3. neither its user nor its token id may be revoked.
 * Failing 2 or 3 throws "Unauthorized", which API Gateway answers with 401. Either way nothing is
 * written. Log lines name the reason and never the token.
 */
export function createAuthorizer(deps: AuthorizerDependencies): Authorize {
  return async (event) => {
    const origin = checkOrigin(
      originHeader(event.headers as Record<string, string | undefined> | null),
      deps.allowedOrigins,
    );
    if (!origin.allowed) {
      logger.warn("Connection refused: origin not on the allow-list", { origin: origin.origin });
      return policy("origin-refused", "Deny", event.methodArn);
    }
    const token = event.queryStringParameters?.token;
    if (!token) throw new Error("Unauthorized");
    let verified: VerifiedToken;
    try {
      verified = await deps.verifier.verifyToken(token);
    } catch (error) {
      logger.info("Connection refused", { reason: (error as Error).message });
      throw new Error("Unauthorized");
    }
    const revoked = await deps.revocations().isRevoked({
      sub: verified.identity.sub,
      issuedAt: verified.issuedAt,
      ...(verified.tokenId ? { tokenId: verified.tokenId } : {}),
    });
    if (revoked) {
      logger.info("Connection refused", {
        reason: "The token or its user was revoked.",
        userId: verified.identity.sub,
      });
      throw new Error("Unauthorized");
    }
    return {
      ...policy(verified.identity.sub, "Allow", event.methodArn),
      context: toAuthorizerContext(verified.identity, verified),
    };
  };
}

function policy(principalId: string, effect: "Allow" | "Deny", resource: string): APIGatewayAuthorizerResult {
  return {
    principalId,
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: resource }],
    },
  };
}

let fromEnvironment: Authorize | undefined;

/** The authorizer as deployed: configured from its environment once per Lambda instance. */
export async function authorize(
  event: APIGatewayRequestAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> {
  if (!fromEnvironment) {
    const env = readEnvironment("authorizer");
    fromEnvironment = createAuthorizer({
      verifier: createTokenVerifier(),
      allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
      revocations: () => new RevocationStore(documentClient(), env.TABLE_NAME, maxTokenLifetimeSeconds()),
    });
  }
  return fromEnvironment(event);
}

export const handler = middy(authorize)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
