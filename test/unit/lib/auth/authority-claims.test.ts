import { beforeAll, describe, expect, it } from "vitest";
import { COGNITO_GROUPS, contractClaims } from "../../../../functions/lib/auth/authority-claims.ts";
import { createTokenVerifier } from "../../../../functions/lib/auth/token-verifier.ts";
import { CareChatError } from "../../../../functions/lib/errors.ts";
import { createTestIssuer, signToken, type TestIssuer } from "./token-keys.ts";

const POOL_ID = "us-east-1_AbCdEfGhI";
const CLIENT_ID = "carechat-web-client";
const COGNITO_ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`;

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await createTestIssuer();
});

const cognitoVerifier = () =>
  createTokenVerifier({
    COGNITO_USER_POOL_ID: POOL_ID,
    COGNITO_CLIENT_ID: CLIENT_ID,
    JWT_JWKS: JSON.stringify(issuer.jwks),
  });

const cognitoToken = (claims: Record<string, unknown>, audience = CLIENT_ID) =>
  signToken(issuer.privateKey, { token_use: "id", ...claims }, { issuer: COGNITO_ISSUER, audience });

const staffBase = { sub: "bo.agent@bank.example", name: "Bo Agent" };

describe("contractClaims with Cognito groups", () => {
  it("maps carechat groups to role, queues, languages and the highest capacity", () => {
    // Prepare
    const payload = {
      ...staffBase,
      "cognito:groups": [
        COGNITO_GROUPS.agent,
        "carechat-queue-us-fraud",
        "carechat-queue-gb.consumer.en",
        "carechat-language-en",
        "carechat-language-es",
        "carechat-max-chats-2",
        "carechat-max-chats-4",
        "unrelated-group",
      ],
    };

    // Act
    const claims = contractClaims(payload, { kind: "cognito-groups" });

    // Assess
    expect(claims).toMatchObject({
      role: "agent",
      queues: ["us-fraud", "gb.consumer.en"],
      languages: ["en", "es"],
      maxChats: 4,
    });
  });

  it("makes a member of both staff groups a supervisor", () => {
    // Act
    const claims = contractClaims(
      {
        ...staffBase,
        "cognito:groups": [COGNITO_GROUPS.agent, COGNITO_GROUPS.supervisor, "carechat-queue-*"],
      },
      { kind: "cognito-groups" },
    );

    // Assess
    expect(claims).toMatchObject({ role: "supervisor", queues: ["*"] });
  });

  it("ignores plain and custom: authority claims next to the groups", () => {
    // Prepare
    const payload = {
      sub: "c-1",
      name: "Cat",
      role: "supervisor",
      queues: ["*"],
      segment: "corporate",
      "custom:role": "supervisor",
      "custom:segment": "corporate",
      "cognito:groups": ["carechat-segment-small-business"],
    };

    // Act
    const claims = contractClaims(payload, { kind: "cognito-groups" });

    // Assess
    expect(claims).toMatchObject({ role: "customer", segment: "small-business" });
    expect(claims).not.toHaveProperty("queues");
    expect(Object.keys(claims).filter((key) => key.includes(":"))).toEqual([]);
  });

  it("makes a user in no carechat group a consumer customer", () => {
    // Act
    const claims = contractClaims({ sub: "c-2", name: "Dee" }, { kind: "cognito-groups" });

    // Assess
    expect(claims).toMatchObject({ role: "customer", segment: "consumer" });
  });
});

describe("the Cognito verifier", () => {
  it("accepts an agent's ID token for the app client, with authority from the groups", async () => {
    // Prepare
    const token = await cognitoToken({
      ...staffBase,
      "custom:maxChats": "20",
      "cognito:groups": [
        COGNITO_GROUPS.agent,
        "carechat-queue-us-fraud",
        "carechat-language-en",
        "carechat-max-chats-3",
      ],
    });

    // Act
    const identity = await cognitoVerifier().verify(token);

    // Assess
    expect(identity).toEqual({
      sub: "bo.agent@bank.example",
      name: "Bo Agent",
      role: "agent",
      queues: ["us-fraud"],
      languages: ["en"],
      maxChats: 3,
    });
  });

  it("refuses an ID token the pool minted for another app client", async () => {
    // Prepare
    const token = await cognitoToken(
      { ...staffBase, "cognito:groups": [COGNITO_GROUPS.agent, "carechat-queue-x", "carechat-language-en"] },
      "some-other-client",
    );

    // Act
    const error = await cognitoVerifier()
      .verify(token)
      .catch((thrown: unknown) => thrown);

    // Assess
    expect(error).toBeInstanceOf(CareChatError);
    expect((error as CareChatError).code).toBe("UNAUTHORIZED");
  });

  it("refuses a user who wrote custom:role=agent but is in no staff group", async () => {
    // Prepare
    const token = await cognitoToken({
      sub: "mallory",
      name: "Mallory",
      "custom:role": "agent",
      "custom:queues": '["*"]',
      "custom:languages": '["en"]',
      "custom:maxChats": "20",
      country: "US",
      locale: "en-US",
    });

    // Act
    const identity = await cognitoVerifier().verify(token);

    // Assess
    expect(identity.role).toBe("customer");
    expect(identity).not.toHaveProperty("queues");
  });
});
