import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

/** A throwaway RS256 issuer for the token tests: its key, its public JWKS and a signer. */
export const TEST_ISSUER = "https://issuer.carechat.test";
export const TEST_AUDIENCE = "carechat-test";
export const KEY_ID = "test-key-1";

export interface TestIssuer {
  readonly jwks: { keys: JWK[] };
  readonly privateKey: CryptoKey;
}

export async function createTestIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  return { jwks: { keys: [{ ...publicJwk, alg: "RS256", use: "sig", kid: KEY_ID }] }, privateKey };
}

export interface SignOptions {
  readonly issuer?: string;
  /** Seconds from now; negative for a token that has already expired. */
  readonly expiresIn?: number;
  readonly kid?: string;
  /** `null` for a token without `aud`. */
  readonly audience?: string | null;
  /** Seconds from now (negative: in the past); `null` for a token without `iat`. */
  readonly issuedAt?: number | null;
  /** `false` for a token without `exp`. */
  readonly withExpiry?: boolean;
}

export function signToken(
  privateKey: CryptoKey,
  claims: Record<string, unknown>,
  {
    issuer = TEST_ISSUER,
    expiresIn = 3_600,
    kid = KEY_ID,
    audience = TEST_AUDIENCE,
    issuedAt = -7_200,
    withExpiry = true,
  }: SignOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(audience === null || "aud" in claims ? claims : { aud: audience, ...claims })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(issuer);
  if (issuedAt !== null) jwt.setIssuedAt(now + issuedAt);
  if (withExpiry) jwt.setExpirationTime(now + expiresIn);
  return jwt.sign(privateKey);
}

export const customerClaims = {
  sub: "customer-1",
  role: "customer",
  name: "Ana Customer",
  country: "us",
  locale: "en-US",
  segment: "consumer",
  accounts: [{ last4: "1234", product: "Rewards Visa" }],
};

export const agentClaims = {
  sub: "agent-7",
  role: "agent",
  name: "Bo Agent",
  queues: ["cards-en", "fraud-en"],
  languages: ["en", "es"],
  maxChats: 3,
};
