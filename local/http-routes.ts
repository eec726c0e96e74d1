import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_MESSAGE_BYTES } from "../functions/lib/protocol/limits.ts";
import type { DevAuth } from "./dev-auth.ts";
import { demoCustomerClaims, TokenRequestError } from "./dev-auth.ts";
import type { LocalEventLog } from "./event-log.ts";
import type { FaultRule } from "./fault-plan.ts";
import { type FaultInjector, FaultPlanError } from "./faults.ts";
import type { LocalGateway } from "./gateway.ts";
import { createPageRoutes } from "./pages.ts";
import { type LocalStepFunctions, StepFunctionsError } from "./step-functions.ts";

const MAX_BODY_BYTES = 256 * 1024;

export interface HttpRoutesOptions {
  readonly gateway: LocalGateway;
  readonly stepFunctions: LocalStepFunctions;
  readonly devAuth: DevAuth;
  readonly isReady: () => boolean;
  /** The SDK fault plan (`/dev/faults`). */
  readonly faults: FaultInjector;
  /** Runs the revoke handler (functions/handlers/revoke.ts) with a `{ sub | jti }` body. */
  readonly revoke: (request: Record<string, unknown>) => Promise<unknown>;
  /** Runs the reconciler (functions/handlers/reconciler.ts) once and answers its report. */
  readonly reconcile: () => Promise<unknown>;
  /** The EventBridge stand-in: PutEvents, and `GET /dev/events?after=N`. */
  readonly events: LocalEventLog;
}

/**
 * The local runtime's HTTP side on the WebSocket port: `/health`, `/dev/token`, `/dev/revoke`,
 * `/dev/reconcile` (one reconciler run, its report as the answer), the API Gateway
 * `@connections` management API, the Step Functions JSON API and the demo pages (`/`, `/agent`).
 */
export function createHttpRoutes(options: HttpRoutesOptions) {
  const pages = createPageRoutes();
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const url = new URL(request.url ?? "/", "http://localhost");
      const target = request.headers["x-amz-target"];
      if (typeof target === "string" && target.startsWith("AWSStepFunctions.")) {
        return await stepFunctions(
          options.stepFunctions,
          target.slice("AWSStepFunctions.".length),
          request,
          response,
        );
      }
      if (target === "AWSEvents.PutEvents") {
        const body = JSON.parse((await readBody(request)).toString("utf8") || "{}");
        response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        return void response.end(JSON.stringify(options.events.putEvents(body)));
      }
      if (url.pathname === "/dev/events" && request.method === "GET")
        return json(response, 200, options.events.read(Number(url.searchParams.get("after") ?? 0) || 0));
      const connection = /^(?:\/[^/@]+)?\/@connections\/([^/]+)$/.exec(url.pathname);
      if (connection?.[1])
        return await connections(options.gateway, decodeURIComponent(connection[1]), request, response);
      if (url.pathname === "/health" && request.method === "GET") {
        const ready = options.isReady();
        return json(response, ready ? 200 : 503, {
          status: ready ? "ok" : "starting",
          connections: options.gateway.size,
        });
      }
      if (url.pathname === "/dev/token" && request.method === "POST") {
        const body = await readBody(request);
        const claims =
          body.length > 0
            ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>)
            : demoCustomerClaims;
        const { expiresInSeconds, ...rest } = claims as { expiresInSeconds?: number };
        return json(response, 200, { token: await options.devAuth.sign(rest, expiresInSeconds) });
      }
      if (url.pathname === "/dev/reconcile" && request.method === "POST")
        return json(response, 200, await options.reconcile());
      if (url.pathname === "/dev/revoke" && request.method === "POST") {
        const body = JSON.parse((await readBody(request)).toString("utf8") || "{}") as Record<
          string,
          unknown
        >;
        return json(response, 200, await options.revoke(body));
      }
      if (url.pathname === "/dev/faults") return await faults(options.faults, request, response);
      if (url.pathname === "/dev/jwks.json" && request.method === "GET")
        return json(response, 200, options.devAuth.jwks);
      if (await pages(request, response)) return;
      json(response, 404, { message: "Not found" });
    } catch (error) {
      const badRequest =
        error instanceof SyntaxError ||
        error instanceof TokenRequestError ||
        error instanceof FaultPlanError ||
        (error as { code?: unknown }).code === "BAD_REQUEST";
      json(response, badRequest ? 400 : 500, { message: (error as Error).message });
    }
  };
}

async function connections(
  gateway: LocalGateway,
  connectionId: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const gone = () => {
    response.setHeader("x-amzn-errortype", "GoneException");
    json(response, 410, { message: "Gone" });
  };
  switch (request.method) {
    case "POST": {
      // API Gateway refuses a server message over 128 KB with 413 PayloadTooLargeException.
      const body = await readBody(request, MAX_MESSAGE_BYTES).catch(() => undefined);
      if (!body) {
        response.setHeader("x-amzn-errortype", "PayloadTooLargeException");
        return json(response, 413, { message: "Message too long" });
      }
      if (gateway.post(connectionId, body)) response.writeHead(200).end();
      else gone();
      return;
    }
    case "GET": {
      const description = gateway.describe(connectionId);
      if (description) json(response, 200, description);
      else gone();
      return;
    }
    case "DELETE":
      if (gateway.disconnect(connectionId)) response.writeHead(204).end();
      else gone();
      return;
    default:
      json(response, 405, { message: "Method not allowed" });
  }
}

/** POST a plan (`{rules: [...]}` or one rule) to replace the current one, GET what was injected, DELETE to clear. */
async function faults(injector: FaultInjector, request: IncomingMessage, response: ServerResponse) {
  if (request.method === "POST") {
    const body = JSON.parse((await readBody(request)).toString("utf8") || "{}") as
      | { rules?: FaultRule[] }
      | FaultRule;
    injector.set("rules" in body && Array.isArray(body.rules) ? body.rules : [body as FaultRule]);
  } else if (request.method === "DELETE") injector.set([]);
  else if (request.method !== "GET") return json(response, 405, { message: "Method not allowed" });
  json(response, 200, injector.report());
}

async function stepFunctions(
  sfn: LocalStepFunctions,
  operation: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const body = JSON.parse((await readBody(request)).toString("utf8") || "{}") as Record<string, unknown>;
  try {
    const result = sfn.handle(operation, body);
    response.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
    response.end(
      JSON.stringify(result, (_key, value) => (isIsoDate(value) ? Date.parse(value) / 1000 : value)),
    );
  } catch (error) {
    const type = error instanceof StepFunctionsError ? error.type : "InternalFailure";
    response.writeHead(error instanceof StepFunctionsError ? 400 : 500, {
      "content-type": "application/x-amz-json-1.0",
    });
    response.end(JSON.stringify({ __type: type, message: (error as Error).message }));
  }
}

/** JSON.stringify turns Dates into ISO strings before a replacer sees them; AWS JSON wants epoch seconds. */
const isIsoDate = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value);

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Read to the end without keeping it, so the answer can still be written on this connection.
      if (size <= limit) chunks.push(chunk);
    });
    request.on("end", () =>
      size > limit ? reject(new Error("Payload too large")) : resolve(Buffer.concat(chunks)),
    );
    request.on("error", reject);
  });
}
