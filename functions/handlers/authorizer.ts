import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from "aws-lambda";
import { toAuthorizerContext } from "../lib/auth/authorizer-context.ts";
import { createTokenVerifier, type TokenVerifier } from "../lib/auth/token-verifier.ts";
import { logger } from "../lib/logger.ts";

let verifier: TokenVerifier | undefined;

/**
 * The WebSocket API's REQUEST authorizer on `$connect`. Throwing "Unauthorized" makes API Gateway
 * answer 401 and write nothing; a valid token yields an Allow policy whose context carries the
 * caller's identity to every later route of the connection.
 */
export async function authorize(
  event: APIGatewayRequestAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> {
  const token = event.queryStringParameters?.token;
  if (!token) throw new Error("Unauthorized");
  verifier ??= createTokenVerifier();
  let identity: Awaited<ReturnType<TokenVerifier["verify"]>>;
  try {
    identity = await verifier.verify(token);
  } catch (error) {
    logger.info("Connection refused", { reason: (error as Error).message });
    throw new Error("Unauthorized");
  }
  return {
    principalId: identity.sub,
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }],
    },
    context: toAuthorizerContext(identity),
  };
}

export const handler = middy(authorize).use(injectLambdaContext(logger, { resetKeys: true }));
