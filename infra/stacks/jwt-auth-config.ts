import type { IConstruct } from "constructs";

/** Which claims carry a user's authority. Only claims the issuer controls may be named here. */
export interface ClaimMapping {
  /**
   * The claim holding the role (`customer`, `agent`, `supervisor`): a string, or a list of group names
   * in which the role appears (Cognito `cognito:groups`).
   *
   * @default "role" for a JWKS issuer, "cognito:groups" for Cognito
   */
  readonly roleClaim?: string;
  /**
   * The claim holding a staff member's queue ids: a list, or the group list with `queue:<id>` entries.
   *
   * @default "queues" for a JWKS issuer, "cognito:groups" for Cognito
   */
  readonly queuesClaim?: string;
  /**
   * The longest token lifetime (`exp - iat`, or `exp - now`) the authorizer accepts, in seconds.
   *
   * @default 43200 (12 hours)
   */
  readonly maxTokenLifetimeSeconds?: number;
}

/** Tokens from any OpenID Connect / JWKS issuer. */
export interface JwksIssuerAuthConfig extends ClaimMapping {
  /** The expected `iss` claim, e.g. `https://auth.example.com/`. */
  readonly issuer: string;
  /** Where the issuer publishes its signing keys, e.g. `https://auth.example.com/.well-known/jwks.json`. */
  readonly jwksUri: string;
  /**
   * The expected `aud` claim; several values may be given comma-separated. Required: without it a token
   * the same issuer minted for another application would be accepted.
   */
  readonly audience: string;
}

/** ID tokens of an Amazon Cognito user pool. */
export interface CognitoAuthConfig extends ClaimMapping {
  /** The user pool id, e.g. `us-east-1_AbCdEfGhI`. */
  readonly cognitoUserPoolId: string;
  /** The app client id the tokens must have been issued to (their audience). */
  readonly cognitoClientId: string;
}

/** How the `$connect` authorizer verifies the client's JWT. */
export type JwtAuthConfig = JwksIssuerAuthConfig | CognitoAuthConfig;

/** The default longest accepted token lifetime: 12 hours. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/** Placeholder issuer used when nothing is configured: deployable, but no real token will verify. */
export const PLACEHOLDER_JWT_AUTH: JwksIssuerAuthConfig = {
  issuer: "https://auth.example.com/",
  jwksUri: "https://auth.example.com/.well-known/jwks.json",
  audience: "carechat",
};

/** The context keys (`cdk deploy -c jwtIssuer=...`) the JWT configuration is read from. */
export const JWT_CONTEXT_KEYS = [
  "jwtIssuer",
  "jwtJwksUri",
  "jwtAudience",
  "cognitoUserPoolId",
  "cognitoClientId",
  "roleClaim",
  "queuesClaim",
  "maxTokenLifetimeSeconds",
];

/** Whether the configuration is the Cognito variant. */
export function isCognitoAuthConfig(config: JwtAuthConfig): config is CognitoAuthConfig {
  return "cognitoUserPoolId" in config;
}

/**
 * Reads the JWT configuration from CDK context (`jwtIssuer` + `jwtJwksUri` + `jwtAudience`, or
 * `cognitoUserPoolId` + `cognitoClientId`, with optional `roleClaim`, `queuesClaim`,
 * `maxTokenLifetimeSeconds`). Returns `undefined` when no issuer key is set; throws on a partial or
 * mixed configuration, which would otherwise deploy an authorizer that rejects everyone (or accepts
 * tokens minted for other applications).
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
  const lifetime = read("maxTokenLifetimeSeconds");
  const mapping: ClaimMapping = {
    ...(read("roleClaim") ? { roleClaim: read("roleClaim") } : {}),
    ...(read("queuesClaim") ? { queuesClaim: read("queuesClaim") } : {}),
    ...(lifetime ? { maxTokenLifetimeSeconds: Number(lifetime) } : {}),
  };

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
    return { cognitoUserPoolId, cognitoClientId, ...mapping };
  }
  if (usesJwks) {
    if (!issuer || !jwksUri || !audience) {
      throw new Error(
        "jwtIssuer, jwtJwksUri and jwtAudience must be set together: without an audience, tokens the same " +
          "issuer minted for other applications would be accepted.",
      );
    }
    return { issuer, jwksUri, audience, ...mapping };
  }
  return undefined;
}

/** The authorizer's environment variables for a configuration (names the handler reads). */
export function jwtAuthEnvironment(config: JwtAuthConfig): Record<string, string> {
  const lifetime = config.maxTokenLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime < 60 || lifetime > DEFAULT_MAX_TOKEN_LIFETIME_SECONDS) {
    throw new Error(
      `maxTokenLifetimeSeconds must be a whole number from 60 to ${DEFAULT_MAX_TOKEN_LIFETIME_SECONDS}, not ${lifetime}.`,
    );
  }
  const common = { MAX_TOKEN_LIFETIME_SECONDS: String(lifetime) };
  if (isCognitoAuthConfig(config)) {
    return {
      COGNITO_USER_POOL_ID: config.cognitoUserPoolId,
      COGNITO_CLIENT_ID: config.cognitoClientId,
      ROLE_CLAIM: config.roleClaim ?? "cognito:groups",
      QUEUES_CLAIM: config.queuesClaim ?? "cognito:groups",
      ...common,
    };
  }
  if (!config.audience) throw new Error(`The JWT configuration for ${config.issuer} needs an audience.`);
  return {
    JWT_ISSUER: config.issuer,
    JWT_JWKS_URI: config.jwksUri,
    JWT_AUDIENCE: config.audience,
    ROLE_CLAIM: config.roleClaim ?? "role",
    QUEUES_CLAIM: config.queuesClaim ?? "queues",
    ...common,
  };
}
