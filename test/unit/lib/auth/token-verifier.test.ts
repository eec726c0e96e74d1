import { generateKeyPair, UnsecuredJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier, type TokenVerifier } from "../../../../functions/lib/auth/token-verifier.ts";
import { CareChatError } from "../../../../functions/lib/errors.ts";
import {
  agentClaims,
  createTestIssuer,
  customerClaims,
  signToken,
  TEST_ISSUER,
  type TestIssuer,
} from "./token-keys.ts";

let issuer: TestIssuer;
let verifier: TokenVerifier;

beforeAll(async () => {
  issuer = await createTestIssuer();
  verifier = createTokenVerifier({ JWT_ISSUER: TEST_ISSUER, JWT_JWKS: JSON.stringify(issuer.jwks) });
});

async function refusal(token: string): Promise<CareChatError> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CareChatError);
  return error as CareChatError;
}

describe("createTokenVerifier", () => {
  it("turns a valid customer token into the customer's identity", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, customerClaims);

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity).toEqual({
      sub: "customer-1",
      role: "customer",
      name: "Ana Customer",
      country: "US",
      locale: "en-US",
      segment: "consumer",
      accounts: [{ last4: "1234", product: "Rewards Visa" }],
    });
  });

  it("drops registered claims such as iss, iat and exp from the identity", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, customerClaims);

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(Object.keys(identity)).not.toContain("iss");
    expect(Object.keys(identity)).not.toContain("exp");
  });

  it("gives a customer without accounts an empty account list", async () => {
    // Prepare
    const { accounts: _accounts, ...claims } = customerClaims;
    const token = await signToken(issuer.privateKey, claims);

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity).toMatchObject({ role: "customer", accounts: [] });
  });

  it("turns a valid agent token into an identity with queues, languages and maxChats", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, agentClaims);

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity).toEqual(agentClaims);
  });

  it("accepts a supervisor for every queue", async () => {
    // Prepare
    const claims = { ...agentClaims, sub: "sup-1", role: "supervisor", queues: ["*"] };
    const token = await signToken(issuer.privateKey, claims);

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity).toMatchObject({ role: "supervisor", queues: ["*"] });
  });

  it("refuses an expired token with UNAUTHORIZED", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, customerClaims, { expiresIn: -60 });

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("refuses a token from another issuer with UNAUTHORIZED", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, customerClaims, { issuer: "https://evil.example" });

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("refuses a token signed with another key under the same key id with UNAUTHORIZED", async () => {
    // Prepare
    const { privateKey: otherKey } = await generateKeyPair("RS256");
    const token = await signToken(otherKey, customerClaims);

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("refuses an unsigned token with UNAUTHORIZED", async () => {
    // Prepare
    const token = new UnsecuredJWT(customerClaims).setIssuer(TEST_ISSUER).setExpirationTime("1h").encode();

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("refuses a tampered payload with UNAUTHORIZED", async () => {
    // Prepare
    const [header, payload, signature] = (await signToken(issuer.privateKey, customerClaims)).split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: "supervisor" })).toString("base64url");
    const token = [header, forged, signature].join(".");

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it.each(["not-a-jwt", "", "a.b.c"])("refuses the garbage token %j with UNAUTHORIZED", async (token) => {
    // Prepare
    const input = token;

    // Act
    const error = await refusal(input);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it.each(["country", "locale", "segment", "name", "role"])(
    "refuses a customer token without %s with UNAUTHORIZED",
    async (claim) => {
      // Prepare
      const { [claim]: _dropped, ...claims } = customerClaims as Record<string, unknown>;
      const token = await signToken(issuer.privateKey, claims);

      // Act
      const error = await refusal(token);

      // Assess
      expect(error.code).toBe("UNAUTHORIZED");
      expect(error.message).toMatch(/claims/);
    },
  );

  it.each([
    ["a role outside the contract", { ...customerClaims, role: "admin" }],
    ["a three-letter country", { ...customerClaims, country: "USA" }],
    ["an unknown segment", { ...customerClaims, segment: "vip" }],
    ["an agent without queues", { ...agentClaims, queues: [] }],
    ["an agent with a fractional maxChats", { ...agentClaims, maxChats: 2.5 }],
    ["an agent with maxChats 0", { ...agentClaims, maxChats: 0 }],
  ])("refuses a token with %s", async (_case, claims) => {
    // Prepare
    const token = await signToken(issuer.privateKey, claims);

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("normalises Cognito-style custom: claims holding JSON strings", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, {
      sub: "customer-9",
      name: "Cat Cognito",
      "custom:role": "customer",
      "custom:country": "MX",
      "custom:locale": "es-US",
      "custom:segment": "small-business",
      "custom:accounts": JSON.stringify([{ last4: "9876", product: "Business Card" }]),
    });

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity).toEqual({
      sub: "customer-9",
      name: "Cat Cognito",
      role: "customer",
      country: "MX",
      locale: "es-US",
      segment: "small-business",
      accounts: [{ last4: "9876", product: "Business Card" }],
    });
  });

  it("normalises an agent's custom: queues and languages arrays and a string maxChats", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, {
      sub: "agent-9",
      name: "Dee Cognito",
      "custom:role": "agent",
      "custom:queues": '["cards-en","disputes-es"]',
      "custom:languages": '["en","es"]',
      "custom:maxChats": "4",
    });

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity).toEqual({
      sub: "agent-9",
      name: "Dee Cognito",
      role: "agent",
      queues: ["cards-en", "disputes-es"],
      languages: ["en", "es"],
      maxChats: 4,
    });
  });

  it("keeps the issuer's sub when a custom:sub claim is present", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, { ...customerClaims, "custom:sub": "someone-else" });

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity.sub).toBe("customer-1");
  });

  it("refuses a custom: array that is not valid JSON", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, {
      ...agentClaims,
      queues: undefined,
      "custom:queues": "[cards-en",
    });

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.code).toBe("UNAUTHORIZED");
  });
});

describe("createTokenVerifier configuration", () => {
  it("refuses to start without an issuer", () => {
    // Prepare
    const env = { JWT_JWKS: "{}" };

    // Act
    const create = () => createTokenVerifier(env);

    // Assess
    expect(create).toThrow(/JWT_ISSUER/);
  });

  it("refuses to start with an issuer but no keys", () => {
    // Prepare
    const env = { JWT_ISSUER: TEST_ISSUER };

    // Act
    const create = () => createTokenVerifier(env);

    // Assess
    expect(create).toThrow(/JWT_JWKS_URI/);
  });

  it("checks the audience when JWT_AUDIENCE is set", async () => {
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
});
