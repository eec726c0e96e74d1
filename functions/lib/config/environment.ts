/**
 * The runtime contract of every carechat function, declared once: which environment variables each
 * reads, where its handler lives and which ASL placeholder names it. The CDK app sets exactly these
 * variables, the local runtime sets them the same way, and the handlers read them through
 * `readEnvironment`, so a variable can be neither forgotten nor misspelt in one of the three.
 * Plain data and one small reader: it is bundled into every function, so it imports nothing.
 */
export const ENVIRONMENT_VARIABLES = {
  TABLE_NAME: "The DynamoDB table (functions/lib/data/table-definition.ts).",
  WS_MANAGEMENT_ENDPOINT:
    "The stage's @connections endpoint, https://{api-id}.execute-api.{region}.amazonaws.com/{stage}.",
  HANDOFF_STATE_MACHINE_ARN: "The chat-handoff state machine (Standard).",
  CLOSURE_STATE_MACHINE_ARN: "The chat-closure state machine (Express).",
  ROUTING_CONFIG_FILE:
    "A routing configuration as JSON, already validated (the CDK app validates it at synth).",
  JWT_ISSUER: "The token issuer (iss) of a generic OIDC identity provider.",
  JWT_AUDIENCE: "Accepted audiences (aud), comma-separated.",
  JWT_JWKS_URI: "Where the issuer publishes its signing keys.",
  JWT_JWKS: "The issuer's signing keys inline (a JWKS document), for pinned keys instead of JWT_JWKS_URI.",
  COGNITO_USER_POOL_ID: "An Amazon Cognito user pool as the identity provider, instead of JWT_ISSUER.",
  COGNITO_CLIENT_ID: "The Cognito app client whose tokens are accepted.",
  CONNECTION_FRAME_LIMIT:
    'Frames one connection may send: "burst/perSecond" (default "60/10"); excess is refused with RATE_LIMITED.',
  ALLOWED_ORIGINS:
    "Browser origins allowed at $connect, comma-separated; a connection without Origin is always allowed.",
  MAX_TOKEN_LIFETIME_SECONDS: "The longest token lifetime (exp - iat) accepted; default 43200 (12 hours).",
  ROLE_CLAIM: "The claim naming the caller's role, for a generic OIDC issuer (Cognito uses its groups).",
  QUEUES_CLAIM: "The claim listing a staff member's queues, for a generic OIDC issuer.",
  RETENTION_TRANSCRIPT_DAYS:
    "Days a chat's record, messages and subscriptions are kept after it ended (default 400).",
  RETENTION_CASE_DAYS:
    "Days a case number (CASE# item) is kept after its chat ended (default 2557, 7 years).",
  RETENTION_IDEMPOTENCY_DAYS: "Days a chat's idempotency keys (CMID#) are kept after it ended (default 1).",
  RETENTION_AGENT_DAYS: "Days an agent record is kept after its last write (default 90).",
  RETENTION_QUEUE_DAYS: "Days queue statistics and entries are kept after their last write (default 90).",
  UPLOAD_BUCKET:
    "The S3 bucket of documents customers upload in a chat (infra/constructs/document-bucket.ts).",
  UPLOAD_KMS_KEY_ARN:
    "The bucket's KMS key: presigned upload forms then require SSE-KMS with it (unset locally).",
  UPLOAD_SCAN_REQUIRED:
    '"true" when GuardDuty Malware Protection scans the bucket: a file is accepted only after its verdict.',
  RECONCILER_SETTLE_SECONDS:
    "How old a state must be before the reconciler takes it for stuck (default 60): a queued chat, a closure, an offer past its expiry.",
  QUEUE_DISCONNECT_GRACE_SECONDS:
    "How long a queued customer with no connection keeps their place before the chat is abandoned (default 60).",
  IDLE_CHAT_SECONDS:
    "A chat with no message for this long closes with its summary (default 1200; 0 turns it off).",
  IDLE_WARNING_SECONDS: "How long before an idle chat closes its participants are warned (default 120).",
  EVENT_BUS_NAME:
    "The EventBridge bus that case, wrap-up and rating events go to (docs/EVENTS.md); unset: the default bus.",
} as const;

export type EnvironmentVariable = keyof typeof ENVIRONMENT_VARIABLES;

export interface FunctionContract {
  /** The handler's entry file, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly required: readonly EnvironmentVariable[];
  readonly optional: readonly EnvironmentVariable[];
  /** The `${Placeholder}` the ASL files use for this function's ARN, if a state machine invokes it. */
  readonly aslPlaceholder?: string;
}

const IDENTITY: readonly EnvironmentVariable[] = [
  "ALLOWED_ORIGINS",
  "MAX_TOKEN_LIFETIME_SECONDS",
  "ROLE_CLAIM",
  "QUEUES_CLAIM",
  "JWT_ISSUER",
  "JWT_AUDIENCE",
  "JWT_JWKS_URI",
  "JWT_JWKS",
  "COGNITO_USER_POOL_ID",
  "COGNITO_CLIENT_ID",
];
/** Every function that writes agent records, queue entries or queue statistics refreshes their expiry. */
const STAFF_RETENTION = [
  "RETENTION_AGENT_DAYS",
  "RETENTION_QUEUE_DAYS",
] as const satisfies readonly EnvironmentVariable[];
/** Only the closure's applyRetention step sets the expiry of a chat's own items and its case. */
const CHAT_RETENTION = [
  "RETENTION_TRANSCRIPT_DAYS",
  "RETENTION_CASE_DAYS",
  "RETENTION_IDEMPOTENCY_DAYS",
] as const satisfies readonly EnvironmentVariable[];
/** What a function that runs chats reads; only `actions` starts closures (see the stack's cycle note). */
const CHAT: readonly EnvironmentVariable[] = [
  "TABLE_NAME",
  "WS_MANAGEMENT_ENDPOINT",
  "HANDOFF_STATE_MACHINE_ARN",
  "ROUTING_CONFIG_FILE",
];

export const FUNCTIONS = {
  // The table holds revoked users and tokens, which the authorizer refuses.
  authorizer: { entry: "functions/handlers/authorizer.ts", required: ["TABLE_NAME"], optional: IDENTITY },
  // Re-checks revocations after recording the connection (the window after the authorizer's check).
  connect: {
    entry: "functions/handlers/connect.ts",
    required: ["TABLE_NAME"],
    optional: ["MAX_TOKEN_LIFETIME_SECONDS"],
  },
  disconnect: {
    entry: "functions/handlers/disconnect.ts",
    required: ["TABLE_NAME"],
    optional: ["RETENTION_AGENT_DAYS"],
  },
  actions: {
    entry: "functions/handlers/actions.ts",
    required: [...CHAT, "CLOSURE_STATE_MACHINE_ARN"],
    optional: [
      ...STAFF_RETENTION,
      "CONNECTION_FRAME_LIMIT",
      "UPLOAD_BUCKET",
      "UPLOAD_KMS_KEY_ARN",
      "RETENTION_CASE_DAYS",
      "EVENT_BUS_NAME",
    ],
  },
  "chat-closure": {
    entry: "functions/handlers/chat-closure.ts",
    required: CHAT,
    optional: ["CLOSURE_STATE_MACHINE_ARN", ...CHAT_RETENTION, ...STAFF_RETENTION, "EVENT_BUS_NAME"],
    aslPlaceholder: "ChatClosureFunctionArn",
  },
  "chat-handoff": {
    entry: "functions/handlers/chat-handoff.ts",
    required: CHAT,
    optional: ["CLOSURE_STATE_MACHINE_ARN", ...STAFF_RETENTION, "EVENT_BUS_NAME"],
    aslPlaceholder: "ChatHandoffFunctionArn",
  },
  "queue-ticker": {
    entry: "functions/handlers/queue-ticker.ts",
    required: ["TABLE_NAME", "WS_MANAGEMENT_ENDPOINT", "ROUTING_CONFIG_FILE"],
    optional: STAFF_RETENTION,
  },
  // Every minute (EventBridge): repairs what a crash can leave, and applies the presence timeouts.
  reconciler: {
    entry: "functions/handlers/reconciler.ts",
    required: [...CHAT, "CLOSURE_STATE_MACHINE_ARN"],
    optional: [
      ...STAFF_RETENTION,
      "RECONCILER_SETTLE_SECONDS",
      "QUEUE_DISCONNECT_GRACE_SECONDS",
      "IDLE_CHAT_SECONDS",
      "IDLE_WARNING_SECONDS",
    ],
  },
  /** Invoked by the bank's privacy tooling with `{ "sub": "<customer id>" }`; not behind the API. */
  "erase-customer": {
    entry: "functions/handlers/erase-customer.ts",
    required: ["TABLE_NAME"],
    optional: [],
  },
  /** A customer's document arrived in the bucket (S3 event notification, or the scan's verdict). */
  "upload-received": {
    entry: "functions/handlers/upload-received.ts",
    required: ["TABLE_NAME", "WS_MANAGEMENT_ENDPOINT", "UPLOAD_BUCKET"],
    optional: ["UPLOAD_SCAN_REQUIRED"],
  },
  // The bank's sign-out hook: stores the revocation and closes the user's or token's connections.
  revoke: {
    entry: "functions/handlers/revoke.ts",
    required: ["TABLE_NAME", "WS_MANAGEMENT_ENDPOINT"],
    optional: ["MAX_TOKEN_LIFETIME_SECONDS"],
  },
} as const satisfies Record<string, FunctionContract>;

export type FunctionName = keyof typeof FUNCTIONS;

type Required<F extends FunctionName> = (typeof FUNCTIONS)[F]["required"][number];
type Optional<F extends FunctionName> = (typeof FUNCTIONS)[F]["optional"][number];

export type EnvironmentOf<F extends FunctionName> = { readonly [K in Required<F>]: string } & {
  readonly [K in Optional<F>]?: string;
};

export class MissingEnvironmentError extends Error {
  constructor(fn: string, names: readonly string[]) {
    super(`The ${fn} function needs ${names.join(", ")} in its environment.`);
    this.name = "MissingEnvironmentError";
  }
}

/** The variables `fn` declares, checked once: a missing required one fails the cold start loudly. */
export function readEnvironment<F extends FunctionName>(
  fn: F,
  env: NodeJS.ProcessEnv = process.env,
): EnvironmentOf<F> {
  const contract: FunctionContract = FUNCTIONS[fn];
  const missing = contract.required.filter((name) => !env[name]);
  if (missing.length > 0) throw new MissingEnvironmentError(fn, missing);
  const values: Record<string, string> = {};
  for (const name of [...contract.required, ...contract.optional]) {
    const value = env[name];
    if (value) values[name] = value;
  }
  return values as EnvironmentOf<F>;
}
