import { beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier, type TokenVerifier } from "../../../../functions/lib/auth/token-verifier.ts";
import { CareChatError } from "../../../../functions/lib/errors.ts";
import {
  agentClaims,
  createTestIssuer,
  customerClaims,
  signToken,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIssuer,
} from "./token-keys.ts";

/** What the verifier adds to the JWT standard: `exp` and `iat` required, a lifetime maximum, an audience always. */
let issuer: TestIssuer;
let verifier: TokenVerifier;

beforeAll(async () => {
  issuer = await createTestIssuer();
  verifier = createTokenVerifier({
    JWT_ISSUER: TEST_ISSUER,
    JWT_AUDIENCE: TEST_AUDIENCE,
    JWT_JWKS: JSON.stringify(issuer.jwks),
  });
});

async function refusal(token: string): Promise<CareChatError> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CareChatError);
  return error as CareChatError;
}

describe("token lifetime and audience", () => {
  it.each([
    ["no exp", { withExpiry: false }, /expiry/],
    ["no iat", { issuedAt: null }, /issue time/],
    ["an iat in the future", { issuedAt: 3_600, expiresIn: 7_200 }, /future/],
    ["a lifetime of ten years", { issuedAt: 0, expiresIn: 10 * 365 * 86_400 }, /lifetime/],
    ["a lifetime one second over 12 hours", { issuedAt: -60, expiresIn: 12 * 3_600 - 59 }, /lifetime/],
  ])("refuses a token with %s", async (_case, options, message) => {
    // Prepare
    const token = await signToken(issuer.privateKey, customerClaims, options);

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toMatch(message);
  });

  it("accepts a lifetime of exactly 12 hours", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, customerClaims, {
      issuedAt: -60,
      expiresIn: 12 * 3_600 - 60,
    });

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity.sub).toBe("customer-1");
  });

  it.each([
    ["another application's audience", "other-app"],
    ["no audience", null],
  ])("refuses a token with %s", async (_case, audience) => {
    // Prepare
    const token = await signToken(issuer.privateKey, customerClaims, { audience });

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("reports the token id and times beside the identity", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, { ...customerClaims, jti: "token-42" });

    // Act
    const verified = await verifier.verifyToken(token);

    // Assess
    expect(verified.tokenId).toBe("token-42");
    expect(verified.expiresAt - verified.issuedAt).toBe(3_600 + 7_200);
    expect(verified.identity.sub).toBe("customer-1");
  });
});

describe("createTokenVerifier configuration", () => {
  it("refuses to start without an issuer", () => {
    // Prepare
    const env = { JWT_JWKS: "{}", JWT_AUDIENCE: TEST_AUDIENCE };

    // Act
    const create = () => createTokenVerifier(env);

    // Assess
    expect(create).toThrow(/JWT_ISSUER/);
  });

  it("refuses to start with an issuer but no keys", () => {
    // Prepare
    const env = { JWT_ISSUER: TEST_ISSUER, JWT_AUDIENCE: TEST_AUDIENCE };

    // Act
    const create = () => createTokenVerifier(env);

    // Assess
    expect(create).toThrow(/JWT_JWKS_URI/);
  });

  it.each([
    ["a JWKS issuer without JWT_AUDIENCE", { JWT_ISSUER: TEST_ISSUER, JWT_JWKS: "{}" }, /JWT_AUDIENCE/],
    [
      "a blank JWT_AUDIENCE",
      { JWT_ISSUER: TEST_ISSUER, JWT_JWKS: "{}", JWT_AUDIENCE: " , " },
      /JWT_AUDIENCE/,
    ],
    ["a Cognito pool without client id", { COGNITO_USER_POOL_ID: "us-east-1_Abc" }, /COGNITO_CLIENT_ID/],
    [
      "a lifetime maximum that is not a number",
      { JWT_ISSUER: TEST_ISSUER, JWT_JWKS: "{}", JWT_AUDIENCE: "a", MAX_TOKEN_LIFETIME_SECONDS: "12h" },
      /MAX_TOKEN_LIFETIME_SECONDS/,
    ],
    [
      "an authority claim that users can write",
      { JWT_ISSUER: TEST_ISSUER, JWT_JWKS: "{}", JWT_AUDIENCE: "a", ROLE_CLAIM: "custom:role" },
      /ROLE_CLAIM/,
    ],
  ])("refuses to start with %s", (_case, env, message) => {
    // Act
    const create = () => createTokenVerifier(env);

    // Assess
    expect(create).toThrow(message);
  });

  it("checks the audience against every value of JWT_AUDIENCE", async () => {
    // Prepare
    const audienceVerifier = createTokenVerifier({
      JWT_ISSUER: TEST_ISSUER,
      JWT_JWKS: JSON.stringify(issuer.jwks),
      JWT_AUDIENCE: "carechat-web,carechat-mobile",
    });
    const right = await signToken(issuer.privateKey, { ...customerClaims, aud: "carechat-mobile" });
    const wrong = await signToken(issuer.privateKey, { ...customerClaims, aud: "other-app" });

    // Act
    const accepted = await audienceVerifier.verify(right);
    const refused = await audienceVerifier.verify(wrong).catch((error: unknown) => error);

    // Assess
    expect(accepted.sub).toBe("customer-1");
    expect((refused as CareChatError).code).toBe("UNAUTHORIZED");
  });

  it("honours a shorter MAX_TOKEN_LIFETIME_SECONDS", async () => {
    // Prepare
    const strict = createTokenVerifier({
      JWT_ISSUER: TEST_ISSUER,
      JWT_JWKS: JSON.stringify(issuer.jwks),
      JWT_AUDIENCE: TEST_AUDIENCE,
      MAX_TOKEN_LIFETIME_SECONDS: "900",
    });
    const hour = await signToken(issuer.privateKey, customerClaims, { issuedAt: 0, expiresIn: 3_600 });
    const quarter = await signToken(issuer.privateKey, customerClaims, { issuedAt: 0, expiresIn: 900 });

    // Act
    const refused = await strict.verify(hour).catch((error: unknown) => error);
    const accepted = await strict.verify(quarter);

    // Assess
    expect((refused as CareChatError).message).toMatch(/lifetime/);
    expect(accepted.sub).toBe("customer-1");
  });

  it("reads authority from the claims the deployment names, and only from them", async () => {
    // Prepare
    const named = createTokenVerifier({
      JWT_ISSUER: TEST_ISSUER,
      JWT_JWKS: JSON.stringify(issuer.jwks),
      JWT_AUDIENCE: TEST_AUDIENCE,
      ROLE_CLAIM: "https://bank.example/role",
      QUEUES_CLAIM: "https://bank.example/queues",
    });
    const { role: _role, queues: _queues, ...rest } = agentClaims;
    const token = await signToken(issuer.privateKey, {
      ...rest,
      role: "supervisor",
      queues: ["*"],
      "https://bank.example/role": "agent",
      "https://bank.example/queues": ["cards-en"],
    });

    // Act
    const identity = await named.verify(token);

    // Assess
    expect(identity).toMatchObject({ role: "agent", queues: ["cards-en"] });
  });
});
