import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import {
  IDLE_TIMEOUT_MS,
  MAX_CONNECTION_MS,
  MAX_FRAME_BYTES,
  MAX_MESSAGE_BYTES,
} from "../functions/lib/protocol/limits.ts";
import { failedInvocationReply, newConnectionId, refuse } from "./gateway-replies.ts";
import type { LambdaHandler, LambdaRunner } from "./lambda-runner.ts";

export interface GatewayHandlers {
  readonly authorizer: LambdaHandler;
  readonly connect: LambdaHandler;
  readonly disconnect: LambdaHandler;
  /** Every action route and `$default` go to the same function, as in the CDK stack. */
  readonly actions: LambdaHandler;
}

export interface GatewayOptions {
  readonly handlers: GatewayHandlers;
  readonly runner: LambdaRunner;
  readonly routes: readonly string[];
  readonly stage: string;
  readonly domainName: string;
  readonly idleTimeoutMs?: number;
  readonly maxConnectionMs?: number;
}

interface LocalConnection {
  readonly socket: WebSocket;
  readonly connectedAt: number;
  lastActiveAt: number;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly authorizer: Record<string, unknown>;
  idleTimer?: NodeJS.Timeout;
  readonly lifetimeTimer: NodeJS.Timeout;
}

const CLOSE_GOING_AWAY = 1001;
const CLOSE_TOO_BIG = 1009;

/**
 * A stand-in for an API Gateway WebSocket API: authorizes at the upgrade with the authorizer
 * handler, emits API Gateway v2 WebSocket events to the route handlers, sends a route's response
 * body back, and enforces API Gateway's frame, message, idle and lifetime limits.
 */
export class LocalGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly connections = new Map<string, LocalConnection>();

  constructor(private readonly options: GatewayOptions) {}

  get size(): number {
    return this.connections.size;
  }

  async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const query = Object.fromEntries(url.searchParams);
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(",") : (value ?? ""),
      ]),
    );
    const connectionId = newConnectionId();
    const requestContext = this.requestContext(connectionId, "$connect", "CONNECT", request);
    let authorizer: Record<string, unknown>;
    try {
      const policy = await this.options.runner.invoke<{
        principalId: string;
        policyDocument: { Statement: { Effect: string }[] };
        context?: Record<string, unknown>;
      }>("authorizer", this.options.handlers.authorizer, {
        type: "REQUEST",
        methodArn: `arn:aws:execute-api:us-east-1:000000000000:local/${this.options.stage}/$connect`,
        headers,
        queryStringParameters: query,
        requestContext,
      });
      if (policy.policyDocument.Statement.some((statement) => statement.Effect !== "Allow"))
        return refuse(socket, 403, "Forbidden");
      authorizer = { ...policy.context, principalId: policy.principalId };
    } catch {
      return refuse(socket, 401, "Unauthorized");
    }
    try {
      const result = await this.options.runner.invoke<{ statusCode?: number }>(
        "connect",
        this.options.handlers.connect,
        {
          requestContext: { ...requestContext, authorizer },
          headers,
          queryStringParameters: query,
          isBase64Encoded: false,
        },
      );
      const status = result?.statusCode ?? 200;
      // API Gateway refuses the upgrade with the status $connect returned (403 revoked, 429 too many).
      if (status >= 300) return refuse(socket, status, status === 429 ? "Too Many Requests" : "Forbidden");
    } catch {
      return refuse(socket, 500, "Internal Server Error");
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(connectionId, ws, request, authorizer));
  }

  /** @connections POST: false when the connection is gone (API Gateway answers 410). */
  post(connectionId: string, data: Buffer): boolean {
    const connection = this.connections.get(connectionId);
    if (!connection || connection.socket.readyState !== WebSocket.OPEN) return false;
    connection.socket.send(data.toString("utf8"));
    return true;
  }

  describe(connectionId: string) {
    const connection = this.connections.get(connectionId);
    if (!connection) return undefined;
    return {
      ConnectedAt: new Date(connection.connectedAt).toISOString(),
      LastActiveAt: new Date(connection.lastActiveAt).toISOString(),
      Identity: { SourceIp: connection.sourceIp, UserAgent: connection.userAgent },
    };
  }

  disconnect(connectionId: string): boolean {
    const connection = this.connections.get(connectionId);
    if (!connection) return false;
    connection.socket.close(CLOSE_GOING_AWAY, "Closed by the backend");
    return true;
  }

  async close(): Promise<void> {
    const closing = [...this.connections.values()].map(
      (connection) =>
        new Promise<void>((done) => {
          connection.socket.once("close", () => done());
          connection.socket.close(CLOSE_GOING_AWAY, "Server shutting down");
          setTimeout(() => {
            connection.socket.terminate();
            done();
          }, 1_000).unref();
        }),
    );
    await Promise.all(closing);
    await this.drain();
    this.wss.close();
  }

  private readonly pending = new Set<Promise<unknown>>();

  private track(work: Promise<unknown>) {
    this.pending.add(work);
    work.finally(() => this.pending.delete(work)).catch(() => undefined);
  }

  private async drain() {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private accept(
    connectionId: string,
    socket: WebSocket,
    request: IncomingMessage,
    authorizer: Record<string, unknown>,
  ) {
    const maxConnectionMs = this.options.maxConnectionMs ?? MAX_CONNECTION_MS;
    const connection: LocalConnection = {
      socket,
      connectedAt: Date.now(),
      lastActiveAt: Date.now(),
      sourceIp: request.socket.remoteAddress ?? "127.0.0.1",
      userAgent: String(request.headers["user-agent"] ?? ""),
      authorizer,
      lifetimeTimer: setTimeout(
        () => socket.close(CLOSE_GOING_AWAY, "Connection lifetime exceeded"),
        maxConnectionMs,
      ),
    };
    this.connections.set(connectionId, connection);
    this.touch(connection);
    socket.on("message", (data, isBinary) => this.onMessage(connectionId, connection, data, isBinary));
    socket.on("ping", () => this.touch(connection));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(connection.idleTimer);
      clearTimeout(connection.lifetimeTimer);
      this.connections.delete(connectionId);
      const requestContext = this.requestContext(connectionId, "$disconnect", "DISCONNECT", request);
      this.track(
        this.options.runner
          .invoke("disconnect", this.options.handlers.disconnect, {
            requestContext: { ...requestContext, authorizer },
            isBase64Encoded: false,
          })
          .catch(() => undefined),
      );
    });
  }

  private touch(connection: LocalConnection) {
    connection.lastActiveAt = Date.now();
    clearTimeout(connection.idleTimer);
    connection.idleTimer = setTimeout(
      () => connection.socket.close(CLOSE_GOING_AWAY, "Idle timeout"),
      this.options.idleTimeoutMs ?? IDLE_TIMEOUT_MS,
    );
  }

  private onMessage(connectionId: string, connection: LocalConnection, data: RawData, isBinary: boolean) {
    this.touch(connection);
    const body = Buffer.isBuffer(data)
      ? data
      : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
    // Clients send each message as one frame, so a message over 32 KB is a frame over 32 KB.
    if (body.length > MAX_FRAME_BYTES) {
      connection.socket.close(CLOSE_TOO_BIG, "Frame too large");
      return;
    }
    const text = body.toString(isBinary ? "base64" : "utf8");
    const routeKey = this.selectRoute(text);
    const requestContext = this.requestContext(connectionId, routeKey, "MESSAGE");
    const work = this.options.runner
      .invoke<{ body?: string }>(
        "actions",
        this.options.handlers.actions,
        {
          requestContext: { ...requestContext, authorizer: connection.authorizer },
          body: text,
          isBase64Encoded: isBinary,
        },
        routeKey,
      )
      .then((result) => {
        if (!result?.body || connection.socket.readyState !== WebSocket.OPEN) return;
        // API Gateway sends no server message over 128 KB; the client hears of the failure only as an error.
        if (Buffer.byteLength(result.body) > MAX_MESSAGE_BYTES) throw new Error("Route response too large");
        connection.socket.send(result.body);
      })
      .catch((error: unknown) => {
        if (connection.socket.readyState === WebSocket.OPEN)
          connection.socket.send(failedInvocationReply(error, text, connectionId, requestContext.requestId));
      });
    this.track(work);
  }

  /** API Gateway's `$request.body.action`: a known route key, else `$default`. */
  private selectRoute(text: string): string {
    try {
      const action = (JSON.parse(text) as { action?: unknown })?.action;
      return typeof action === "string" && this.options.routes.includes(action) ? action : "$default";
    } catch {
      return "$default";
    }
  }

  private requestContext(
    connectionId: string,
    routeKey: string,
    eventType: string,
    request?: IncomingMessage,
  ) {
    const now = Date.now();
    return {
      routeKey,
      eventType,
      messageDirection: "IN",
      connectionId,
      connectedAt: this.connections.get(connectionId)?.connectedAt ?? now,
      requestId: randomUUID(),
      extendedRequestId: randomUUID(),
      messageId: eventType === "MESSAGE" ? randomBytes(8).toString("base64url") : undefined,
      requestTimeEpoch: now,
      requestTime: new Date(now).toUTCString(),
      domainName: this.options.domainName,
      stage: this.options.stage,
      apiId: "local",
      identity: {
        sourceIp: request?.socket.remoteAddress ?? "127.0.0.1",
        userAgent: request?.headers["user-agent"],
      },
    };
  }
}
