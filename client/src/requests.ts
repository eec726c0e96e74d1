import { CareChatError } from "./errors.ts";
import type { ServerFrame, ServerFrameType } from "./types.ts";

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

interface Pending {
  readonly replies: readonly ServerFrameType[];
  /** A reply frame without `requestId` that still answers this request (e.g. `agentUnavailable`). */
  readonly alsoMatches?: (frame: ServerFrame) => boolean;
  readonly resolve: (frame: ServerFrame) => void;
  readonly reject: (error: CareChatError) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

let counter = 0;
/** A request id unique to this page or process: time, a counter and randomness, readable in logs. */
export function newRequestId(prefix = "r"): string {
  counter = (counter + 1) % 1_000_000;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * `requestId` correlation: each request waits for a reply of an expected type carrying its id, or
 * an `error` frame with its id, which rejects it with a CareChatError of that code.
 */
export class Requests {
  private readonly pending = new Map<string, Pending>();

  get size(): number {
    return this.pending.size;
  }

  /** Registers a request; `send` is called with the id once the wait is in place. */
  expect<T extends ServerFrameType>(
    replies: readonly T[],
    options: { timeoutMs?: number; requestId?: string; alsoMatches?: (frame: ServerFrame) => boolean } = {},
  ): { requestId: string; reply: Promise<ServerFrame<T>> } {
    const requestId = options.requestId ?? newRequestId();
    const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const reply = new Promise<ServerFrame<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new CareChatError("TIMEOUT", `No reply within ${timeoutMs} ms.`, { requestId }));
      }, timeoutMs);
      this.pending.set(requestId, {
        replies,
        alsoMatches: options.alsoMatches,
        resolve: resolve as (frame: ServerFrame) => void,
        reject,
        timer,
      });
    });
    return { requestId, reply };
  }

  /** Settles the request a frame answers; true if it answered one. */
  handle(frame: ServerFrame): boolean {
    const requestId = "requestId" in frame ? frame.requestId : undefined;
    if (requestId !== undefined) {
      const pending = this.pending.get(requestId);
      if (!pending) return false;
      if (frame.type === "error") {
        this.settle(requestId, pending);
        pending.reject(
          new CareChatError(frame.code, frame.message, {
            requestId,
            retryAfterSeconds: frame.retryAfterSeconds,
          }),
        );
        return true;
      }
      if (!pending.replies.includes(frame.type)) return false;
      this.settle(requestId, pending);
      pending.resolve(frame);
      return true;
    }
    for (const [id, pending] of this.pending) {
      if (pending.alsoMatches?.(frame)) {
        this.settle(id, pending);
        pending.resolve(frame);
        return true;
      }
    }
    return false;
  }

  /** Rejects one request (its frame could not be sent). */
  fail(requestId: string, error: CareChatError): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.settle(requestId, pending);
    pending.reject(error);
  }

  /** Rejects every waiting request: the socket closed, so no reply will come on it. */
  failAll(error: CareChatError): void {
    for (const [requestId, pending] of [...this.pending]) {
      this.settle(requestId, pending);
      pending.reject(error);
    }
  }

  private settle(requestId: string, pending: Pending) {
    clearTimeout(pending.timer);
    this.pending.delete(requestId);
  }
}
