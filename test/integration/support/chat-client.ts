import { WebSocket } from "ws";
import { demoCustomerClaims } from "../../../local/dev-auth.ts";

export type Frame = Record<string, unknown> & { type: string };

/** A minimal protocol client for tests: sends frames, and waits for frames matching a predicate. */
export class ChatClient {
  readonly frames: Frame[] = [];
  private readonly waiters = new Set<{ match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }>();
  private readonly consumed = new Set<Frame>();
  closeCode?: number;

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      for (const waiter of this.waiters) {
        if (!this.consumed.has(frame) && waiter.match(frame)) {
          this.consumed.add(frame);
          this.waiters.delete(waiter);
          waiter.resolve(frame);
        }
      }
    });
    socket.on("close", (code) => {
      this.closeCode = code;
    });
  }

  static connect(wsUrl: string, token: string): Promise<ChatClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${wsUrl}?token=${encodeURIComponent(token)}`);
      socket.once("open", () => resolve(new ChatClient(socket)));
      socket.once("unexpected-response", (_request, response) =>
        reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { statusCode: response.statusCode })),
      );
      socket.once("error", reject);
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(frame: Record<string, unknown> | string): void {
    this.socket.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** The earliest frame not yet taken by `next` that matches, waiting for it if need be. */
  next(match: (frame: Frame) => boolean = () => true, timeoutMs = 10_000): Promise<Frame> {
    const found = this.frames.find((frame) => !this.consumed.has(frame) && match(frame));
    if (found) {
      this.consumed.add(found);
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const unclaimed = this.frames.filter((frame) => !this.consumed.has(frame));
        reject(
          new Error(`No matching frame within ${timeoutMs} ms; unclaimed: ${JSON.stringify(unclaimed)}`),
        );
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
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once("close", () => resolve());
      this.socket.close();
    });
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
  sub: `customer-${Date.now()}-${counter++}`,
  ...overrides,
});
