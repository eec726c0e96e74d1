import type { APIGatewayRequestAuthorizerEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "../../../functions/handlers/authorizer.ts";
import { fromAuthorizerContext } from "../../../functions/lib/auth/authorizer-context.ts";
import {
  agentClaims,
  createTestIssuer,
  customerClaims,
  signToken,
  TEST_ISSUER,
  type TestIssuer,
} from "../lib/auth/token-keys.ts";

const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect";
const ENV_KEYS = ["JWT_ISSUER", "JWT_JWKS", "COGNITO_USER_POOL_ID", "JWT_JWKS_URI", "JWT_AUDIENCE"];

let issuer: TestIssuer;
const savedEnv: Record<string, string | undefined> = {};

// The authorizer builds its verifier from process.env on first use and keeps it, as on Lambda.
beforeAll(async () => {
  issuer = await createTestIssuer();
  for (const key of ENV_KEYS) savedEnv[key] = process.env[key];
  for (const key of ENV_KEYS) delete process.env[key];
  process.env.JWT_ISSUER = TEST_ISSUER;
  process.env.JWT_JWKS = JSON.stringify(issuer.jwks);
});

afterAll(() => {
  for (const key of ENV_KEYS) {
    const value = savedEnv[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function connectEvent(token: string | undefined): APIGatewayRequestAuthorizerEvent {
  return {
    type: "REQUEST",
    methodArn: METHOD_ARN,
    headers: { Host: "abcdef1234.execute-api.us-east-1.amazonaws.com" },
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
    expect(Object.keys(result.context ?? {}).sort()).toEqual(["identity", "role", "sub"]);
    expect(result.context).toMatchObject({ sub: "customer-1", role: "customer" });
    for (const value of Object.values(result.context ?? {})) expect(typeof value).toBe("string");
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
});
