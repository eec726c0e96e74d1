/**
 * The environment variables the stack sets on the functions, by name, with the functions that get
 * them. The handlers read exactly these names; this list moves into the functions' typed env contract
 * once that exists (infra will import it from there).
 */
export const RUNTIME_ENVIRONMENT = {
  /** The chat table's name. All but the authorizer. */
  TABLE_NAME: "TABLE_NAME",
  /** `https://{api}.execute-api.{region}.amazonaws.com/{stage}`: where frames are posted. All but the authorizer. */
  WS_MANAGEMENT_ENDPOINT: "WS_MANAGEMENT_ENDPOINT",
  /** The chat-closure state machine. actions. */
  CLOSURE_STATE_MACHINE_ARN: "CLOSURE_STATE_MACHINE_ARN",
  /** The handoff state machine. actions, chat-closure, chat-handoff, queue-ticker. */
  HANDOFF_STATE_MACHINE_ARN: "HANDOFF_STATE_MACHINE_ARN",
  /**
   * The routing configuration file, bundled into each function's code as `routing.json`
   * (`/var/task/routing.json`). All but the authorizer.
   */
  CARECHAT_ROUTING_FILE: "CARECHAT_ROUTING_FILE",
  /** Comma list of the browser origins `$connect` accepts (`https://host[:port]`). Authorizer. */
  ALLOWED_ORIGINS: "ALLOWED_ORIGINS",
  /** JWKS issuer: expected `iss`, key set URL, expected `aud` (comma list). Authorizer. */
  JWT_ISSUER: "JWT_ISSUER",
  JWT_JWKS_URI: "JWT_JWKS_URI",
  JWT_AUDIENCE: "JWT_AUDIENCE",
  /** Cognito: user pool id and app client id (the audience). Authorizer. */
  COGNITO_USER_POOL_ID: "COGNITO_USER_POOL_ID",
  COGNITO_CLIENT_ID: "COGNITO_CLIENT_ID",
  /** The claim names carrying the role and a staff member's queues. Authorizer. */
  ROLE_CLAIM: "ROLE_CLAIM",
  QUEUES_CLAIM: "QUEUES_CLAIM",
  /** The longest token lifetime accepted, in seconds (default 43200). Authorizer. */
  JWT_MAX_TOKEN_LIFETIME_SECONDS: "JWT_MAX_TOKEN_LIFETIME_SECONDS",
  /** Powertools: service name (the `service` metric dimension), metrics namespace. All. */
  POWERTOOLS_SERVICE_NAME: "POWERTOOLS_SERVICE_NAME",
  POWERTOOLS_METRICS_NAMESPACE: "POWERTOOLS_METRICS_NAMESPACE",
} as const;

/** Where the routing file lands inside each function's code (`/var/task` is `LAMBDA_TASK_ROOT`). */
export const BUNDLED_ROUTING_FILE_NAME = "routing.json";
export const BUNDLED_ROUTING_FILE_PATH = `/var/task/${BUNDLED_ROUTING_FILE_NAME}`;
