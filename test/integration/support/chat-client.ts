import { WebSocket } from "ws";
import { Connection } from "../../../client/src/index.ts";
import type { WebSocketConstructor } from "../../../client/src/types.ts";
import { demoCustomerClaims } from "../../../local/dev-auth.ts";
import { uniqueStamp } from "../../../local/unique-stamp.ts";

export type Frame = Record<string, unknown> & { type: string };

/**
 * A frame-level protocol client for tests, a thin wrapper over the SDK's `Connection` (no reconnect,
 * no keep-alive, so tests see exactly what the server does): sends raw frames, and waits for frames
 * matching a predicate. The `ws` package's WebSocket is injected because, unlike Node's global one,
 * it reports the HTTP status of a refused upgrade.
 */
export class ChatClient {
  readonly frames: Frame[] = [];
  private readonly waiters = new Set<{ match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }>();
  private readonly consumed = new Set<Frame>();
  closeCode?: number;

  private constructor(private readonly connection: Connection) {
    connection.on("frame", (value) => {
      const frame = value as Frame;
      this.frames.push(frame);
      for (const waiter of this.waiters) {
        if (!this.consumed.has(frame) && waiter.match(frame)) {
          this.consumed.add(frame);
          this.waiters.delete(waiter);
          waiter.resolve(frame);
        }
      }
    });
    connection.on("close", ({ code }) => {
      this.closeCode = code;
    });
  }

  static async connect(wsUrl: string, token: string): Promise<ChatClient> {
    const connection = new Connection({
      url: wsUrl,
      token,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      reconnect: false,
      keepAliveMs: 0,
      maxConnectionMs: 0,
      // A loaded machine (several local runtimes at once) can take over the default 15 s to open.
      openTimeoutMs: 30_000,
    });
    const client = new ChatClient(connection);
    try {
      await connection.open();
    } catch (error) {
      // ws reports a refused upgrade as "Unexpected server response: 401".
      const status = /server response: (\d{3})/.exec(String((error as Error).message));
      throw Object.assign(error as Error, status ? { statusCode: Number(status[1]) } : {});
    }
    return client;
  }

  get isOpen(): boolean {
    return this.connection.isOpen;
  }

  send(frame: Record<string, unknown> | string): void {
    this.connection.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** The earliest frame not yet taken by `next` that matches, waiting for it if need be. */
  next(match: (frame: Frame) => boolean = () => true, timeoutMs = 10_000): Promise<Frame> {
    const found = this.frames.find((frame) => !this.consumed.has(frame) && match(frame));
    if (found) {
      this.consumed.add(found);
      return Promise.resolve(found);
    }
    // Made here, not in the timer: its stack then names the test line that waited.
    const timedOut = new Error(`No matching frame within ${timeoutMs} ms`);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const unclaimed = this.frames.filter((frame) => !this.consumed.has(frame));
        timedOut.message += `; unclaimed: ${JSON.stringify(unclaimed)}`;
        reject(timedOut);
      }, timeoutMs);
      const waiter = {
        match,
        resolve: (frame: Frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      };
      this.waiters.add(waiter);
    });
  }

  nextOfType(type: string, timeoutMs?: number): Promise<Frame> {
    return this.next((frame) => frame.type === type, timeoutMs);
  }

  /** Sends a frame and waits for its reply (by requestId) or an error frame for it. */
  async request(frame: Record<string, unknown>, replyType: string, timeoutMs?: number): Promise<Frame> {
    const requestId = String(frame.requestId ?? `r-${Math.random().toString(36).slice(2)}`);
    this.send({ ...frame, requestId });
    return this.next(
      (candidate) =>
        candidate.requestId === requestId && (candidate.type === replyType || candidate.type === "error"),
      timeoutMs,
    );
  }

  messages(chatId: string): Frame[] {
    return this.frames.filter((frame) => frame.type === "message" && frame.chatId === chatId);
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

export async function devToken(httpUrl: string, claims: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${httpUrl}/dev/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(claims),
  });
  return ((await response.json()) as { token: string }).token;
}

let counter = 0;
/** The local runtime's demo customer, under a new id each time so tests never share chats. */
export const customerClaims = (overrides: Record<string, unknown> = {}) => ({
  ...demoCustomerClaims,
  sub: `customer-${uniqueStamp()}-${counter++}`,
  ...overrides,
});
