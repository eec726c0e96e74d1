import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { maxTokenLifetimeSeconds } from "../functions/lib/auth/token-lifetime.ts";

/**
 * The local runtime's token issuer. A key pair is generated once per data dir and kept there, so
 * tokens stay valid across restarts with the same data; the authorizer verifies them with
 * aws-jwt-verify exactly as it verifies a real issuer's tokens, given the public JWKS.
 */
export const LOCAL_ISSUER = "https://carechat.local";
/** The local runtime's own audience: its tokens are minted for it and it accepts no other. */
export const LOCAL_AUDIENCE = "carechat-local";
const KEY_ID = "carechat-local";
const DEFAULT_TTL_SECONDS = 60 * 60;

/** A token request the local issuer refuses (answered with 400). */
export class TokenRequestError extends Error {}

export interface DevAuth {
  readonly jwks: { keys: JWK[] };
  sign(claims: Record<string, unknown>, ttlSeconds?: number): Promise<string>;
}

export async function loadDevAuth(dataDir: string): Promise<DevAuth> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "dev-signing-key.json");
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    writeFileSync(file, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
  }
  const privateJwk = JSON.parse(readFileSync(file, "utf8")) as JWK;
  const privateKey = await importJWK(privateJwk, "RS256");
  const { kty, n, e } = privateJwk;
  const publicJwk: JWK = { kty, n, e, alg: "RS256", use: "sig", kid: KEY_ID };
  return {
    jwks: { keys: [publicJwk] },
    sign: (claims, ttlSeconds = DEFAULT_TTL_SECONDS) => {
      // The same maximum the authorizer enforces: the local issuer never mints a token it would refuse
      // for its lifetime. Negative lifetimes stay possible, for tests of expired tokens.
      const max = maxTokenLifetimeSeconds();
      if (typeof ttlSeconds !== "number" || !Number.isFinite(ttlSeconds))
        throw new TokenRequestError("expiresInSeconds must be a number of seconds.");
      if (ttlSeconds > max)
        throw new TokenRequestError(
          `expiresInSeconds ${ttlSeconds} is above the maximum token lifetime of ${max} s (MAX_TOKEN_LIFETIME_SECONDS).`,
        );
      // A caller may name another audience or token id (to test that they are refused or revoked).
      const jwt = new SignJWT({ jti: randomUUID(), aud: LOCAL_AUDIENCE, ...claims })
        .setProtectedHeader({ alg: "RS256", kid: KEY_ID, typ: "JWT" })
        .setIssuer(LOCAL_ISSUER)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds);
      return jwt.sign(privateKey);
    },
  };
}

/** Claims a demo customer gets when /dev/token is called without a body. */
export const demoCustomerClaims = {
  sub: "demo-customer",
  role: "customer",
  name: "Alex Morgan",
  country: "US",
  locale: "en-US",
  segment: "consumer",
  accounts: [{ last4: "1005", product: "Gold Card" }],
};
