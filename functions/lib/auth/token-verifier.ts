import { CognitoJwtVerifier, JwtVerifier } from "aws-jwt-verify";
import type { Jwks } from "aws-jwt-verify/jwk";
import type { JwtPayload } from "aws-jwt-verify/jwt-model";
import { UnauthorizedError } from "../errors.ts";
import { type Identity, identityClaims } from "./identity.ts";

export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

interface RawVerifier {
  verify(token: string): Promise<JwtPayload>;
}

/**
 * Verifies carechat tokens with aws-jwt-verify. Configuration, in order of precedence:
 * - `COGNITO_USER_POOL_ID` (+ `COGNITO_CLIENT_ID`): a Cognito user pool's ID tokens;
 * - `JWT_ISSUER` + `JWT_JWKS_URI` (+ `JWT_AUDIENCE`): any OIDC/JWKS issuer;
 * - `JWT_ISSUER` + `JWT_JWKS` (inline JSON): the local runtime's per-data-dir key.
 */
export function createTokenVerifier(env: NodeJS.ProcessEnv = process.env): TokenVerifier {
  const raw = createRawVerifier(env);
  return {
    async verify(token) {
      let payload: JwtPayload;
      try {
        payload = await raw.verify(token);
      } catch {
        throw new UnauthorizedError();
      }
      const parsed = identityClaims.safeParse(normaliseClaims(payload));
      if (!parsed.success) throw new UnauthorizedError("The token's claims are incomplete or invalid.");
      return parsed.data;
    },
  };
}

function createRawVerifier(env: NodeJS.ProcessEnv): RawVerifier {
  if (env.COGNITO_USER_POOL_ID) {
    return CognitoJwtVerifier.create({
      userPoolId: env.COGNITO_USER_POOL_ID,
      tokenUse: "id",
      clientId: env.COGNITO_CLIENT_ID ?? null,
    });
  }
  const issuer = env.JWT_ISSUER;
  if (!issuer) throw new Error("Set COGNITO_USER_POOL_ID or JWT_ISSUER for the authorizer.");
  const audience = env.JWT_AUDIENCE ? env.JWT_AUDIENCE.split(",") : null;
  if (env.JWT_JWKS) {
    const verifier = JwtVerifier.create({ issuer, audience, jwksUri: `${issuer}/.well-known/jwks.json` });
    verifier.cacheJwks(JSON.parse(env.JWT_JWKS) as Jwks);
    return verifier;
  }
  if (!env.JWT_JWKS_URI)
    throw new Error("Set JWT_JWKS_URI (or JWT_JWKS, the keys inline) for the authorizer.");
  return JwtVerifier.create({ issuer, audience, jwksUri: env.JWT_JWKS_URI });
}

/** Cognito puts custom attributes under `custom:` and can only hold strings; arrays arrive as JSON. */
function normaliseClaims(payload: JwtPayload): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key.startsWith("custom:")) continue;
    claims[key] = value;
  }
  // A custom attribute only fills a claim the issuer did not set: it can never replace sub, name or role.
  for (const [key, value] of Object.entries(payload)) {
    if (!key.startsWith("custom:")) continue;
    const name = key.slice("custom:".length);
    if (Object.hasOwn(claims, name)) continue;
    claims[name] = typeof value === "string" && /^[[{]/.test(value) ? safeJson(value) : value;
  }
  if (typeof claims.maxChats === "string") claims.maxChats = Number(claims.maxChats);
  return claims;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
