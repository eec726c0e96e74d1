import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { EnvironmentVariable } from "../functions/lib/config/environment.ts";
import { FUNCTIONS, type FunctionName } from "../functions/lib/config/environment.ts";
import { clientActions } from "../functions/lib/protocol/client-frames.ts";
import { WATCH_INTERVAL_MS, WATCH_ROUNDS_PER_MINUTE } from "../functions/lib/supervision/watch-queues.ts";
import { type AdmissionLimits, actionLimits } from "./admission.ts";
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadDevAuth } from "./dev-auth.ts";
import { localCredentials, startDynamoDbLocal } from "./dynamodb-local.ts";
import { LocalEventLog } from "./event-log.ts";
import { FaultInjector, faultsFromEnvironment } from "./faults.ts";
import { LocalGateway } from "./gateway.ts";
import { createHttpRoutes } from "./http-routes.ts";
import { type LambdaHandler, LambdaRunner } from "./lambda-runner.ts";
import { localRoutingConfig } from "./routing-file.ts";
import { startLocalS3 } from "./s3.ts";
import { LocalStepFunctions, stateMachineArn } from "./step-functions.ts";

export interface LocalStackOptions {
  /** WebSocket and HTTP port; 0 picks a free one. */
  readonly port?: number;
  readonly host?: string;
  readonly dataDir?: string;
  readonly stage?: string;
  readonly idleTimeoutMs?: number;
  readonly maxConnectionMs?: number;
  /** How often the queue ticker runs (EventBridge's rate(1 minute) on AWS). */
  readonly tickMs?: number;
  /** How often the reconciler runs (EventBridge's rate(1 minute) on AWS); 0: only on POST /dev/reconcile. */
  readonly reconcileMs?: number;
  /** The actions function's concurrency and queue (local/admission.ts); default from CARECHAT_ACTIONS_*. */
  readonly actionLimits?: AdmissionLimits;
}

export interface LocalStack {
  readonly port: number;
  readonly url: string;
  readonly httpUrl: string;
  readonly dataDir: string;
  readonly runner: LambdaRunner;
  stop(): Promise<void>;
}

const projectRoot = resolve(fileURLToPath(import.meta.url), "../..");
const TABLE_NAME = "carechat";
/** Origins the developer allows besides the runtime's own, read once: the stack rewrites the variable. */
const configuredOrigins = process.env.ALLOWED_ORIGINS;

/**
 * Starts carechat locally on real stand-ins: DynamoDB Local, aws-local-stepfunctions running the
 * ASL files, and a WebSocket gateway in front of the very handlers that deploy to Lambda. One stack
 * per process: the handlers read their configuration from process.env, as on Lambda.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir ?? ".carechat");
  const host = options.host ?? "127.0.0.1";
  const stage = options.stage ?? "local";
  const devAuth = await loadDevAuth(dataDir);
  const dynamo = await startDynamoDbLocal(dataDir, TABLE_NAME);

  let ready = false;
  let routes: ((request: IncomingMessage, response: ServerResponse) => Promise<void>) | undefined;
  const server = createServer((request, response) => {
    if (routes) void routes(request, response);
    else response.writeHead(503, { "content-type": "application/json" }).end('{"status":"starting"}');
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, () => done());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const httpUrl = `http://${host}:${port}`;

  // The routing configuration is validated here, as the CDK app does at synth, and shipped as a file.
  const routingFile = join(dataDir, "routing.json");
  writeFileSync(routingFile, JSON.stringify(localRoutingConfig()));
  const pageOrigins = [httpUrl, `http://localhost:${port}`];
  let uploadReceived: ((event: unknown) => void) | undefined;
  const s3 = await startLocalS3(dataDir, pageOrigins, localCredentials, (event) => uploadReceived?.(event));
  // The functions' own variables (functions/lib/config/environment.ts), then the SDK's endpoints.
  const functionEnvironment: Record<EnvironmentVariable, string | undefined> = {
    TABLE_NAME,
    WS_MANAGEMENT_ENDPOINT: httpUrl,
    HANDOFF_STATE_MACHINE_ARN: stateMachineArn("chat-handoff"),
    CLOSURE_STATE_MACHINE_ARN: stateMachineArn("chat-closure"),
    ROUTING_CONFIG_FILE: routingFile,
    JWT_ISSUER: LOCAL_ISSUER,
    JWT_AUDIENCE: LOCAL_AUDIENCE,
    JWT_JWKS_URI: undefined,
    JWT_JWKS: JSON.stringify(devAuth.jwks),
    COGNITO_USER_POOL_ID: undefined,
    COGNITO_CLIENT_ID: undefined,
    // The local runtime's own pages, under both names of the loopback host; ALLOWED_ORIGINS adds more.
    ALLOWED_ORIGINS: [configuredOrigins, httpUrl, `http://127.0.0.1:${port}`, `http://localhost:${port}`]
      .filter(Boolean)
      .join(","),
    MAX_TOKEN_LIFETIME_SECONDS: undefined,
    ROLE_CLAIM: undefined,
    QUEUES_CLAIM: undefined,
    // Retention periods: the shipped defaults unless the developer (or a test) sets them.
    CONNECTION_FRAME_LIMIT: process.env.CONNECTION_FRAME_LIMIT,
    RETENTION_TRANSCRIPT_DAYS: process.env.RETENTION_TRANSCRIPT_DAYS,
    RETENTION_CASE_DAYS: process.env.RETENTION_CASE_DAYS,
    RETENTION_IDEMPOTENCY_DAYS: process.env.RETENTION_IDEMPOTENCY_DAYS,
    RETENTION_AGENT_DAYS: process.env.RETENTION_AGENT_DAYS,
    RETENTION_QUEUE_DAYS: process.env.RETENTION_QUEUE_DAYS,
    UPLOAD_BUCKET: s3.bucket,
    // No KMS locally (s3rver has none) and no malware scanning (GuardDuty has no stand-in).
    UPLOAD_KMS_KEY_ARN: undefined,
    UPLOAD_SCAN_REQUIRED: undefined,
    // The reconciler's and presence's times: the defaults unless a test shortens them.
    RECONCILER_SETTLE_SECONDS: process.env.RECONCILER_SETTLE_SECONDS,
    QUEUE_DISCONNECT_GRACE_SECONDS: process.env.QUEUE_DISCONNECT_GRACE_SECONDS,
    IDLE_CHAT_SECONDS: process.env.IDLE_CHAT_SECONDS,
    IDLE_WARNING_SECONDS: process.env.IDLE_WARNING_SECONDS,
    // Served by this runtime's EventBridge stand-in (local/event-log.ts), under the deployed bus's name.
    EVENT_BUS_NAME: "carechat",
  };
  for (const [name, value] of Object.entries(functionEnvironment))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  Object.assign(process.env, {
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SFN: httpUrl,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: httpUrl,
    POWERTOOLS_SERVICE_NAME: "carechat",
    // No X-Ray daemon here: the tracer is off (on Lambda it is on, with active tracing).
    POWERTOOLS_TRACE_ENABLED: "false",
  });
  delete process.env.AWS_PROFILE;

  // Fault injection at the SDK clients (local/faults.ts): installed here, and nowhere on AWS.
  const faults = new FaultInjector(faultsFromEnvironment(process.env.CARECHAT_FAULTS));
  const load = async (name: FunctionName) =>
    ((await import(`../${FUNCTIONS[name].entry}`)) as { handler: LambdaHandler }).handler;
  const runner = new LambdaRunner();
  // Lambda's concurrency limit and API Gateway's throttle, locally: overload is refused, not queued.
  runner.limit("actions", options.actionLimits ?? actionLimits());
  const gateway = new LocalGateway({
    handlers: {
      authorizer: await load("authorizer"),
      connect: await load("connect"),
      disconnect: await load("disconnect"),
      actions: await load("actions"),
    },
    runner,
    routes: clientActions,
    stage,
    domainName: `${host}:${port}`,
    idleTimeoutMs: options.idleTimeoutMs,
    maxConnectionMs: options.maxConnectionMs,
  });
  const stepFunctions = new LocalStepFunctions(
    resolve(projectRoot, "state-machines"),
    {
      [FUNCTIONS["chat-closure"].aslPlaceholder]: await load("chat-closure"),
      [FUNCTIONS["chat-handoff"].aslPlaceholder]: await load("chat-handoff"),
    },
    runner,
  );
  const revoke = await load("revoke");
  const received = await load("upload-received");
  // S3 invokes the function asynchronously: the upload's HTTP answer never waits for it, and a failed
  // invocation is retried as Lambda retries one.
  uploadReceived = (event) => void runner.invokeAsync("upload-received", received, event);
  const reconciler = await load("reconciler");
  const reconcile = () => runner.invoke("reconciler", reconciler, { source: "aws.scheduler" });
  routes = createHttpRoutes({
    gateway,
    stepFunctions,
    devAuth,
    isReady: () => ready,
    faults,
    revoke: (request) => runner.invoke("revoke", revoke, request),
    reconcile,
    events: new LocalEventLog(dataDir),
  });
  server.on("upgrade", (request, socket, head) => {
    gateway.handleUpgrade(request, socket, head).catch(() => socket.destroy());
  });
  const ticker = await load("queue-ticker");
  const tickMs = options.tickMs ?? Number(process.env.CARECHAT_TICK_MS ?? 60_000);
  // As on AWS: each run pushes queue snapshots to watching supervisors every 8 s until the next run.
  const watchRounds = Math.max(1, Math.min(WATCH_ROUNDS_PER_MINUTE, Math.ceil(tickMs / WATCH_INTERVAL_MS)));
  const tickTimer = setInterval(
    () =>
      void runner
        .invoke("queue-ticker", ticker, { source: "aws.scheduler", watchRounds })
        .catch(() => undefined),
    tickMs,
  );
  // The reconciler's schedule (EventBridge's rate(1 minute) on AWS); CARECHAT_RECONCILE_MS=0 turns it off.
  const reconcileMs = options.reconcileMs ?? Number(process.env.CARECHAT_RECONCILE_MS ?? 60_000);
  // One run at a time on the timer (a slow run is not piled on); POST /dev/reconcile may still overlap it.
  let reconciling = false;
  const scheduledRun = () => {
    if (reconciling) return;
    reconciling = true;
    void reconcile()
      .catch(() => undefined)
      .finally(() => {
        reconciling = false;
      });
  };
  const reconcileTimer = reconcileMs > 0 ? setInterval(scheduledRun, reconcileMs) : undefined;
  ready = true;

  let stopping: Promise<void> | undefined;
  return {
    port,
    url: `ws://${host}:${port}`,
    httpUrl,
    dataDir,
    runner,
    stop: () => {
      stopping ??= (async () => {
        ready = false;
        clearInterval(tickTimer);
        clearInterval(reconcileTimer);
        await gateway.close();
        await stepFunctions.drain();
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await s3.stop();
        await dynamo.stop();
        faults.uninstall();
      })();
      return stopping;
    },
  };
}
