import { CognitoJwtVerifier, JwtVerifier } from "aws-jwt-verify";
import type { Jwks } from "aws-jwt-verify/jwk";
import type { JwtPayload } from "aws-jwt-verify/jwt-model";
import { UnauthorizedError } from "../errors.ts";
import { type AuthoritySource, claimNamesFromEnv, contractClaims } from "./authority-claims.ts";
import { type Identity, identityClaims } from "./identity.ts";
import { lifetimeProblem, maxTokenLifetimeSeconds } from "./token-lifetime.ts";

/** What the authorizer needs to know about a verified token besides who it names. */
export interface VerifiedToken {
  readonly identity: Identity;
  /** The token's `jti`, when the issuer sets one: what a revocation by token id names. */
  readonly tokenId?: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
  verifyToken(token: string): Promise<VerifiedToken>;
}

interface RawVerifier {
  verify(token: string): Promise<JwtPayload>;
}

/**
 * Verifies carechat tokens with aws-jwt-verify. Configuration, in order of precedence:
 * - `COGNITO_USER_POOL_ID` + `COGNITO_CLIENT_ID`: a Cognito user pool's ID tokens for that app client;
 * - `JWT_ISSUER` + `JWT_AUDIENCE` + `JWT_JWKS_URI`: any OpenID Connect / JWKS issuer;
 * - `JWT_ISSUER` + `JWT_AUDIENCE` + `JWT_JWKS` (inline JSON): the local runtime's per-data-dir key.
 * An audience (or Cognito client id) is always required: without it a token the same issuer minted
 * for another application would be accepted. `MAX_TOKEN_LIFETIME_SECONDS` bounds `exp - iat`.
 */
export function createTokenVerifier(env: NodeJS.ProcessEnv = process.env): TokenVerifier {
  const { raw, authority } = createRawVerifier(env);
  const maxLifetime = maxTokenLifetimeSeconds(env);
  const verifyToken = async (token: string): Promise<VerifiedToken> => {
    let payload: JwtPayload;
    try {
      payload = await raw.verify(token);
    } catch {
      throw new UnauthorizedError();
    }
    const problem = lifetimeProblem(payload, maxLifetime);
    if (problem) throw new UnauthorizedError(problem);
    const parsed = identityClaims.safeParse(contractClaims(payload, authority));
    if (!parsed.success) throw new UnauthorizedError("The token's claims are incomplete or invalid.");
    const jti = payload.jti;
    if (jti !== undefined && (typeof jti !== "string" || jti.length === 0 || jti.length > 256))
      throw new UnauthorizedError("The token's id (jti) is invalid.");
    return {
      identity: parsed.data,
      ...(jti ? { tokenId: jti } : {}),
      issuedAt: payload.iat as number,
      expiresAt: payload.exp as number,
    };
  };
  return {
    verifyToken,
    verify: async (token) => (await verifyToken(token)).identity,
  };
}

function createRawVerifier(env: NodeJS.ProcessEnv): { raw: RawVerifier; authority: AuthoritySource } {
  const inlineJwks = env.JWT_JWKS ? (JSON.parse(env.JWT_JWKS) as Jwks) : undefined;
  if (env.COGNITO_USER_POOL_ID) {
    const clientId = env.COGNITO_CLIENT_ID?.trim();
    if (!clientId)
      throw new Error("Set COGNITO_CLIENT_ID: the authorizer always checks the token's audience.");
    const verifier = CognitoJwtVerifier.create({
      userPoolId: env.COGNITO_USER_POOL_ID,
      tokenUse: "id",
      clientId: clientId.split(",").map((id) => id.trim()),
    });
    if (inlineJwks) verifier.cacheJwks(inlineJwks);
    return { raw: verifier, authority: { kind: "cognito-groups" } };
  }
  const issuer = env.JWT_ISSUER;
  if (!issuer) throw new Error("Set COGNITO_USER_POOL_ID or JWT_ISSUER for the authorizer.");
  const audience = (env.JWT_AUDIENCE ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
  if (audience.length === 0)
    throw new Error("Set JWT_AUDIENCE: the authorizer always checks the token's audience.");
  const authority: AuthoritySource = { kind: "claims", names: claimNamesFromEnv(env) };
  if (inlineJwks) {
    const verifier = JwtVerifier.create({ issuer, audience, jwksUri: `${issuer}/.well-known/jwks.json` });
    verifier.cacheJwks(inlineJwks);
    return { raw: verifier, authority };
  }
  if (!env.JWT_JWKS_URI)
    throw new Error("Set JWT_JWKS_URI (or JWT_JWKS, the keys inline) for the authorizer.");
  return { raw: JwtVerifier.create({ issuer, audience, jwksUri: env.JWT_JWKS_URI }), authority };
}
