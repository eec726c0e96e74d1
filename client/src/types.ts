/**
 * The SDK's types. Protocol types come from the server's zod schemas by `import type` only, so a
 * bundle of the SDK carries none of zod: the types vanish at build time.
 */
import type {
  ChatState,
  ChatSummary,
  ClientAction,
  ClientFrameInput,
  ErrorCode,
  MessageFrame,
  ServerFrame,
  ServerFrameType,
} from "../../functions/lib/protocol/index.ts";

export type {
  ChatState,
  ChatSummary,
  ClientAction,
  ClientFrameInput,
  ErrorCode,
  MessageFrame,
  ServerFrame,
  ServerFrameType,
};

/** A token, or a function that fetches one; called again before every reconnect so tokens can be refreshed. */
export type TokenProvider = string | (() => string | Promise<string>);

/** The part of the WHATWG WebSocket the SDK uses: the browser's, Node 22's global, or the `ws` package's. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The body of a request: its frame without `action` and `requestId`, which the SDK sets. */
export type RequestBody<A extends ClientAction> = Omit<ClientFrameInput<A>, "action" | "requestId">;

/** Events of a connection: its lifecycle, and every frame it receives. */
export interface ConnectionEvents {
  /** A socket opened; `reconnected` is true for every socket after the first. */
  open: { reconnected: boolean };
  /** A socket closed; `willReconnect` tells whether the SDK tries again. */
  close: { code: number; reason: string; willReconnect: boolean };
  /** A reconnect is scheduled after `delayMs` (exponential backoff with full jitter). */
  reconnecting: { attempt: number; delayMs: number; error?: unknown };
  /** Any frame received, before the SDK interprets it. */
  frame: Record<string, unknown>;
}

/** Events of a client: every server frame by its `type` (messages in seq order, once each), plus the lifecycle. */
export type ClientEvents = { [T in ServerFrameType]: ServerFrame<T> } & Omit<ConnectionEvents, "frame">;

export interface BackoffOptions {
  /** First delay ceiling in ms (default 500). */
  readonly baseMs?: number;
  /** Largest delay ceiling in ms (default 30 000). */
  readonly maxMs?: number;
}

export interface ConnectionOptions {
  /** `ws(s)://HOST[/STAGE]`; the token is added as `?token=`. */
  readonly url: string;
  readonly token: TokenProvider;
  /** For Node without a global WebSocket (Node 20): e.g. `WebSocket` from the `ws` package. */
  readonly WebSocket?: WebSocketConstructor;
  /** Reconnect after an unplanned close (default true). */
  readonly reconnect?: boolean;
  readonly backoff?: BackoffOptions;
  /** Give up after this many failed attempts in a row (default: never). */
  readonly maxReconnectAttempts?: number;
  /** Send `ping` after this long without sending anything (default 4 minutes; 0 turns it off). */
  readonly keepAliveMs?: number;
  /** Reconnect on purpose after this long, before API Gateway's 2-hour limit (default 1 h 55 min; 0 off). */
  readonly maxConnectionMs?: number;
  /** How long a socket may take to open (default 15 s). */
  readonly openTimeoutMs?: number;
  /** For tests of the backoff: a source of numbers in [0, 1). */
  readonly random?: () => number;
}

export interface ClientOptions extends ConnectionOptions {
  /** How long a request waits for its reply (default 15 s). */
  readonly requestTimeoutMs?: number;
  /** Resume these chats after connecting, e.g. from storage after a page reload: chat id → last seq seen. */
  readonly resumeChats?: Readonly<Record<string, number>>;
}

/** A message queued in the outbox: sent, and sent again, until the server acknowledges it. */
export interface OutgoingMessage {
  readonly chatId: string;
  readonly clientMessageId: string;
  readonly text: string;
}
