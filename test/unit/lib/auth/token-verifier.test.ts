import { generateKeyPair, UnsecuredJWT } from "jose";
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

  it("ignores custom: attributes: a token whose role exists only as custom:role is refused", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, {
      sub: "customer-9",
      name: "Cat Cognito",
      "custom:role": "customer",
      "custom:country": "MX",
      "custom:locale": "es-US",
      "custom:segment": "small-business",
    });

    // Act
    const error = await refusal(token);

    // Assess
    expect(error.message).toMatch(/claims/);
  });

  it("never lets custom: attributes widen an agent's queues, capacity or role", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, {
      ...agentClaims,
      "custom:role": "supervisor",
      "custom:queues": '["*"]',
      "custom:maxChats": "20",
      "custom:sub": "someone-else",
    });

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity).toEqual(agentClaims);
  });

  it("reads queues and languages sent as JSON strings by issuers that emit only strings", async () => {
    // Prepare
    const token = await signToken(issuer.privateKey, {
      ...agentClaims,
      queues: '["cards-en","disputes-es"]',
      languages: '["en","es"]',
      maxChats: "4",
    });

    // Act
    const identity = await verifier.verify(token);

    // Assess
    expect(identity).toMatchObject({
      queues: ["cards-en", "disputes-es"],
      languages: ["en", "es"],
      maxChats: 4,
    });
  });
});
