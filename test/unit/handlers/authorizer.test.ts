import type { APIGatewayRequestAuthorizerEvent } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { createAuthorizer } from "../../../functions/handlers/authorizer.ts";
import { fromAuthorizerContext } from "../../../functions/lib/auth/authorizer-context.ts";
import { parseAllowedOrigins } from "../../../functions/lib/auth/origin-allow-list.ts";
import { createTokenVerifier } from "../../../functions/lib/auth/token-verifier.ts";
import type { RevocationCheck, TokenReference } from "../../../functions/lib/data/revocation-store.ts";
import {
  agentClaims,
  createTestIssuer,
  customerClaims,
  signToken,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIssuer,
} from "../lib/auth/token-keys.ts";

const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect";

let issuer: TestIssuer;
let authorize: ReturnType<typeof createAuthorizer>;
/** Revocations as the store would answer them; the DynamoDB store itself runs in the integration suite. */
const revoked: { subs: Map<string, number>; tokenIds: Set<string> } = {
  subs: new Map(),
  tokenIds: new Set(),
};
const revocations: RevocationCheck = {
  isRevoked: async (token: TokenReference) =>
    (token.tokenId !== undefined && revoked.tokenIds.has(token.tokenId)) ||
    !(token.issuedAt > (revoked.subs.get(token.sub) ?? Number.NEGATIVE_INFINITY)),
};

beforeAll(async () => {
  issuer = await createTestIssuer();
  authorize = createAuthorizer({
    verifier: createTokenVerifier({
      JWT_ISSUER: TEST_ISSUER,
      JWT_AUDIENCE: TEST_AUDIENCE,
      JWT_JWKS: JSON.stringify(issuer.jwks),
    }),
    revocations: () => revocations,
    allowedOrigins: parseAllowedOrigins("https://chat.bank.example"),
  });
});

function connectEvent(token: string | undefined, origin?: string): APIGatewayRequestAuthorizerEvent {
  return {
    type: "REQUEST",
    methodArn: METHOD_ARN,
    headers: {
      Host: "abcdef1234.execute-api.us-east-1.amazonaws.com",
      ...(origin === undefined ? {} : { Origin: origin }),
    },
    multiValueHeaders: null,
    path: "/",
    httpMethod: "GET",
    pathParameters: null,
    queryStringParameters: token === undefined ? null : { token },
    multiValueQueryStringParameters: null,
    stageVariables: null,
    requestContext: {} as APIGatewayRequestAuthorizerEvent["requestContext"],
    resource: "$connect",
  };
}

describe("authorize", () => {
  it("allows a valid customer token on the method ARN only", async () => {
    // Prepare
    const event = connectEvent(await signToken(issuer.privateKey, customerClaims));

    // Act
    const result = await authorize(event);

    // Assess
    expect(result.principalId).toBe("customer-1");
    expect(result.policyDocument).toEqual({
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: METHOD_ARN }],
    });
  });

  it("passes sub, role and the identity to the routes in the authorizer context", async () => {
    // Prepare
    const event = connectEvent(await signToken(issuer.privateKey, customerClaims));

    // Act
    const result = await authorize(event);

    // Assess
    expect(Object.keys(result.context ?? {}).sort()).toEqual([
      "identity",
      "role",
      "sub",
      "tokenExpiresAt",
      "tokenId",
      "tokenIssuedAt",
    ]);
    expect(result.context).toMatchObject({ sub: "customer-1", role: "customer", tokenId: "" });
    for (const value of Object.values(result.context ?? {}))
      expect(["string", "number"]).toContain(typeof value);
  });

  it("carries an identity that round-trips through fromAuthorizerContext", async () => {
    // Prepare
    const event = connectEvent(await signToken(issuer.privateKey, agentClaims));

    // Act
    const result = await authorize(event);

    // Assess
    expect(fromAuthorizerContext(result.context)).toEqual(agentClaims);
  });

  it("puts no registered claim of the token in the identity", async () => {
    // Prepare
    const event = connectEvent(await signToken(issuer.privateKey, customerClaims));

    // Act
    const result = await authorize(event);

    // Assess
    const identity = JSON.parse(String(result.context?.identity)) as Record<string, unknown>;
    expect(identity).not.toHaveProperty("iss");
    expect(identity).not.toHaveProperty("exp");
    expect(identity.country).toBe("US");
  });

  it("throws Unauthorized when the token is missing", async () => {
    // Prepare
    const event = connectEvent(undefined);

    // Act
    const result = authorize(event);

    // Assess
    await expect(result).rejects.toThrow(/^Unauthorized$/);
  });

  it("throws Unauthorized when the token is empty", async () => {
    // Prepare
    const event = connectEvent("");

    // Act
    const result = authorize(event);

    // Assess
    await expect(result).rejects.toThrow(/^Unauthorized$/);
  });

  it("throws Unauthorized, and nothing more telling, for an expired token", async () => {
    // Prepare
    const event = connectEvent(await signToken(issuer.privateKey, customerClaims, { expiresIn: -60 }));

    // Act
    const error = await authorize(event).catch((thrown: unknown) => thrown);

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("Unauthorized");
  });

  it("throws Unauthorized for a token whose claims are incomplete", async () => {
    // Prepare
    const { country: _country, ...claims } = customerClaims;
    const event = connectEvent(await signToken(issuer.privateKey, claims));

    // Act
    const result = authorize(event);

    // Assess
    await expect(result).rejects.toThrow(/^Unauthorized$/);
  });

  it("throws Unauthorized for a token from another issuer", async () => {
    // Prepare
    const event = connectEvent(
      await signToken(issuer.privateKey, customerClaims, { issuer: "https://evil.example" }),
    );

    // Act
    const result = authorize(event);

    // Assess
    await expect(result).rejects.toThrow(/^Unauthorized$/);
  });

  it("allows a listed Origin and a request without Origin", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, customerClaims);

    // Act
    const listed = await authorize(connectEvent(token, "https://chat.bank.example"));
    const native = await authorize(connectEvent(token));

    // Assess
    expect(listed.policyDocument.Statement[0]).toMatchObject({ Effect: "Allow" });
    expect(native.policyDocument.Statement[0]).toMatchObject({ Effect: "Allow" });
  });

  it.each(["https://evil.example", "null", "https://chat.bank.example.evil.com"])(
    "denies the Origin %s with a Deny policy (403) and no context, even with a valid token",
    async (origin) => {
      // Prepare
      const event = connectEvent(await signToken(issuer.privateKey, customerClaims), origin);

      // Act
      const result = await authorize(event);

      // Assess
      expect(result.policyDocument.Statement).toEqual([
        { Action: "execute-api:Invoke", Effect: "Deny", Resource: METHOD_ARN },
      ]);
      expect(result.context).toBeUndefined();
    },
  );

  it("throws Unauthorized for a revoked token id and for a user revoked after the token was issued", async () => {
    // Prepare
    const byId = await signToken(issuer.privateKey, { ...customerClaims, sub: "c-jti", jti: "t-1" });
    const bySub = await signToken(issuer.privateKey, { ...customerClaims, sub: "c-sub" });
    const other = await signToken(issuer.privateKey, { ...customerClaims, sub: "c-other", jti: "t-2" });
    revoked.tokenIds.add("t-1");
    revoked.subs.set("c-sub", Math.floor(Date.now() / 1000));

    // Act
    const results = await Promise.allSettled(
      [byId, bySub, other].map((token) => authorize(connectEvent(token))),
    );

    // Assess
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "fulfilled"]);
  });

  it("throws Unauthorized for a token without exp", async () => {
    // Prepare
    const event = connectEvent(await signToken(issuer.privateKey, customerClaims, { withExpiry: false }));

    // Act
    const result = authorize(event);

    // Assess
    await expect(result).rejects.toThrow(/^Unauthorized$/);
  });
});
