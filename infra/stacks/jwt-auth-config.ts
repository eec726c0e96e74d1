import type { IConstruct } from "constructs";

/** Tokens from any OpenID Connect / JWKS issuer. */
export interface JwksIssuerAuthConfig {
  /** The expected `iss` claim, e.g. `https://auth.example.com/`. */
  readonly issuer: string;
  /** Where the issuer publishes its signing keys, e.g. `https://auth.example.com/.well-known/jwks.json`. */
  readonly jwksUri: string;
  /**
   * The expected `aud` claim (the client id the issuer mints carechat's tokens for); several values may
   * be given comma-separated. Required: without it a token the same issuer minted for any other
   * application would be accepted.
   */
  readonly audience: string;
}

/** ID tokens of an Amazon Cognito user pool. */
export interface CognitoAuthConfig {
  /** The user pool id, e.g. `us-east-1_AbCdEfGhI`. */
  readonly cognitoUserPoolId: string;
  /** The app client id the tokens must have been issued to. */
  readonly cognitoClientId: string;
}

/** How the `$connect` authorizer verifies the client's JWT. */
export type JwtAuthConfig = JwksIssuerAuthConfig | CognitoAuthConfig;

/** Placeholder issuer used when nothing is configured: deployable, but no real token will verify. */
export const PLACEHOLDER_JWT_AUTH: JwksIssuerAuthConfig = {
  issuer: "https://auth.example.com/",
  jwksUri: "https://auth.example.com/.well-known/jwks.json",
  audience: "carechat-placeholder",
};

/** The context keys (`cdk deploy -c jwtIssuer=...`) the JWT configuration is read from. */
export const JWT_CONTEXT_KEYS = [
  "jwtIssuer",
  "jwtJwksUri",
  "jwtAudience",
  "cognitoUserPoolId",
  "cognitoClientId",
];

/** Whether the configuration is the Cognito variant. */
export function isCognitoAuthConfig(config: JwtAuthConfig): config is CognitoAuthConfig {
  return "cognitoUserPoolId" in config;
}

/**
 * Reads the JWT configuration from CDK context (`jwtIssuer` + `jwtJwksUri` + `jwtAudience`, or
 * `cognitoUserPoolId` + `cognitoClientId`). Returns `undefined` when no key is set; throws on a
 * partial or mixed configuration, which would otherwise deploy an authorizer that rejects everyone
 * or, without an audience, one that accepts tokens minted for other applications.
 */
export function jwtAuthConfigFromContext(scope: IConstruct): JwtAuthConfig | undefined {
  const read = (key: string): string | undefined => {
    const value: unknown = scope.node.tryGetContext(key);
    if (value === undefined || value === null || value === "") return undefined;
    return String(value).trim();
  };
  const issuer = read("jwtIssuer");
  const jwksUri = read("jwtJwksUri");
  const audience = read("jwtAudience");
  const cognitoUserPoolId = read("cognitoUserPoolId");
  const cognitoClientId = read("cognitoClientId");

  const usesJwks = issuer !== undefined || jwksUri !== undefined || audience !== undefined;
  const usesCognito = cognitoUserPoolId !== undefined || cognitoClientId !== undefined;
  if (usesJwks && usesCognito) {
    throw new Error(
      "Set either jwtIssuer/jwtJwksUri/jwtAudience or cognitoUserPoolId/cognitoClientId, not both.",
    );
  }
  if (usesCognito) {
    if (!cognitoUserPoolId || !cognitoClientId) {
      throw new Error("cognitoUserPoolId and cognitoClientId must be set together.");
    }
    return { cognitoUserPoolId, cognitoClientId };
  }
  if (usesJwks) {
    if (!issuer || !jwksUri) throw new Error("jwtIssuer and jwtJwksUri must be set together.");
    return requireAudience({ issuer, jwksUri, audience: audience ?? "" });
  }
  return undefined;
}

/** The authorizer's environment variables for a configuration (names the handler reads). */
export function jwtAuthEnvironment(config: JwtAuthConfig): Record<string, string> {
  if (isCognitoAuthConfig(config)) {
    if (!config.cognitoClientId?.trim())
      throw new Error("cognitoClientId is required: the authorizer always checks the token's audience.");
    return { COGNITO_USER_POOL_ID: config.cognitoUserPoolId, COGNITO_CLIENT_ID: config.cognitoClientId };
  }
  const { issuer, jwksUri, audience } = requireAudience(config);
  return { JWT_ISSUER: issuer, JWT_JWKS_URI: jwksUri, JWT_AUDIENCE: audience };
}

/** Refuses a JWKS configuration without an audience (a JavaScript caller or a cast can omit it). */
function requireAudience(config: JwksIssuerAuthConfig): JwksIssuerAuthConfig {
  const audience = (config.audience ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean)
    .join(",");
  if (!audience)
    throw new Error(
      "jwtAudience (or jwt.audience) is required: the client id your issuer mints carechat's tokens for. " +
        "Without it a token the same issuer minted for another application would be accepted.",
    );
  return { ...config, audience };
}
