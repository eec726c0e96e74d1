import { backoffDelay } from "./backoff.ts";
import { CareChatError } from "./errors.ts";
import { Emitter } from "./events.ts";
import type { ConnectionEvents, ConnectionOptions, WebSocketConstructor, WebSocketLike } from "./types.ts";

const OPEN = 1;
/** Under API Gateway's 10-minute idle timeout with room for a slow network. */
export const DEFAULT_KEEP_ALIVE_MS = 4 * 60 * 1000;
/** Five minutes before API Gateway's 2-hour connection limit. */
export const DEFAULT_MAX_CONNECTION_MS = 115 * 60 * 1000;
const DEFAULT_OPEN_TIMEOUT_MS = 15_000;
/** The close code of a reconnect the SDK chose (keep-alive failed, connection lifetime). */
export const PLANNED_CLOSE = 4000;

/**
 * One logical connection over a succession of sockets: opens with a fresh token each time, reconnects
 * with backoff after an unplanned close, reconnects on purpose before the 2-hour limit, and tells
 * its owner when it is idle so a keep-alive can be sent. It knows nothing of the protocol's frames.
 */
export class Connection extends Emitter<ConnectionEvents> {
  private socket?: WebSocketLike;
  private attempt = 0;
  private opened = 0;
  private closedByUser = false;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private idleTimer?: ReturnType<typeof setTimeout>;
  private lifetimeTimer?: ReturnType<typeof setTimeout>;
  private firstOpen?: { resolve: () => void; reject: (error: unknown) => void };
  /** Called when nothing was sent for `keepAliveMs`; the client sends `ping` from here. */
  onIdle?: () => void;

  private readonly Socket: WebSocketConstructor;

  constructor(private readonly options: ConnectionOptions) {
    super();
    const Socket = options.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (typeof Socket !== "function")
      throw new TypeError("No global WebSocket: pass `WebSocket` (e.g. from the ws package) in the options.");
    this.Socket = Socket as WebSocketConstructor;
  }

  get isOpen(): boolean {
    return this.socket?.readyState === OPEN;
  }

  /** Opens the first socket; resolves once open, rejects if it cannot be opened and no retry remains. */
  open(): Promise<void> {
    this.closedByUser = false;
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.firstOpen = { resolve, reject };
      if (!this.socket && !this.reconnectTimer) void this.dial();
    });
  }

  /** Sends one text frame; false when no socket is open (the caller decides whether to retry). */
  send(data: string): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(data);
    this.armIdle();
    return true;
  }

  /** Closes for good: no reconnect. */
  close(code = 1000, reason = "Closed by the client"): Promise<void> {
    this.closedByUser = true;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.clearTimers();
    this.firstOpen?.reject(new CareChatError("CLOSED", "The connection was closed."));
    this.firstOpen = undefined;
    const socket = this.socket;
    if (!socket || socket.readyState > OPEN) return Promise.resolve();
    return new Promise((resolve) => {
      const previous = socket.onclose;
      socket.onclose = (event) => {
        previous?.(event);
        resolve();
      };
      socket.close(code, reason);
    });
  }

  /** Drops the current socket and opens a new one at once (keep-alive failed, lifetime nearly over). */
  reconnectNow(reason = "Planned reconnect"): void {
    if (this.closedByUser) return;
    this.attempt = 0;
    const socket = this.socket;
    if (socket && socket.readyState <= OPEN) {
      socket.close(PLANNED_CLOSE, reason);
    } else if (this.reconnectTimer !== undefined) {
      // Between sockets: dial now instead of waiting out the backoff.
      clearTimeout(this.reconnectTimer);
      void this.dial();
    }
  }

  private async dial(): Promise<void> {
    this.reconnectTimer = undefined;
    let token: string;
    try {
      token = typeof this.options.token === "function" ? await this.options.token() : this.options.token;
    } catch (error) {
      return this.failed(new CareChatError("CONNECT_FAILED", "The token provider failed.", { cause: error }));
    }
    if (this.closedByUser) return;
    const separator = this.options.url.includes("?") ? "&" : "?";
    const socket = new this.Socket(`${this.options.url}${separator}token=${encodeURIComponent(token)}`);
    this.socket = socket;
    let wasOpen = false;
    let failure: unknown;
    const openTimer = setTimeout(() => {
      failure = new CareChatError("CONNECT_FAILED", "The connection did not open in time.");
      socket.close();
    }, this.options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS);
    socket.onopen = () => {
      clearTimeout(openTimer);
      wasOpen = true;
      this.attempt = 0;
      const reconnected = this.opened > 0;
      this.opened += 1;
      this.armIdle();
      this.armLifetime();
      this.firstOpen?.resolve();
      this.firstOpen = undefined;
      this.emit("open", { reconnected });
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      let frame: unknown;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (typeof frame === "object" && frame !== null) this.emit("frame", frame as Record<string, unknown>);
    };
    socket.onerror = (event) => {
      failure ??= event;
    };
    socket.onclose = (event) => {
      clearTimeout(openTimer);
      if (this.socket === socket) this.socket = undefined;
      this.clearTimers();
      if (!wasOpen) {
        const error =
          failure instanceof CareChatError
            ? failure
            : new CareChatError("CONNECT_FAILED", describe(failure, event), { cause: failure });
        return this.failed(error, event);
      }
      const willReconnect = !this.closedByUser && this.options.reconnect !== false;
      this.emit("close", { code: event.code, reason: event.reason, willReconnect });
      // A planned close reconnects at once; any other waits a jittered moment first.
      if (willReconnect) this.schedule(event.code === PLANNED_CLOSE ? 0 : undefined);
    };
  }

  private failed(error: CareChatError, event?: { code: number; reason: string }) {
    const canRetry =
      !this.closedByUser &&
      this.options.reconnect !== false &&
      this.attempt < (this.options.maxReconnectAttempts ?? Number.POSITIVE_INFINITY);
    if (event && this.opened > 0)
      this.emit("close", { code: event.code, reason: event.reason, willReconnect: canRetry });
    if (!canRetry) {
      this.firstOpen?.reject(error);
      this.firstOpen = undefined;
      return;
    }
    this.schedule(undefined, error);
  }

  private schedule(delayMs?: number, error?: unknown) {
    const attempt = this.attempt;
    this.attempt += 1;
    const delay = delayMs ?? backoffDelay(attempt, this.options.backoff, this.options.random);
    this.emit("reconnecting", { attempt: this.attempt, delayMs: delay, error });
    this.reconnectTimer = setTimeout(() => void this.dial(), delay);
  }

  private armIdle() {
    const keepAliveMs = this.options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS;
    if (keepAliveMs <= 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.onIdle?.(), keepAliveMs);
  }

  private armLifetime() {
    const maxConnectionMs = this.options.maxConnectionMs ?? DEFAULT_MAX_CONNECTION_MS;
    if (maxConnectionMs <= 0) return;
    clearTimeout(this.lifetimeTimer);
    this.lifetimeTimer = setTimeout(() => this.reconnectNow("Connection lifetime"), maxConnectionMs);
  }

  private clearTimers() {
    clearTimeout(this.idleTimer);
    clearTimeout(this.lifetimeTimer);
  }
}

function describe(failure: unknown, event: { code: number; reason: string }): string {
  const message = (failure as { message?: unknown } | undefined)?.message;
  if (typeof message === "string" && message) return message;
  return `The connection could not be opened (close code ${event.code}).`;
}
