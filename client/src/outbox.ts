import { backoffDelay } from "./backoff.ts";
import { CareChatError } from "./errors.ts";
import type { OutgoingMessage, ServerFrame } from "./types.ts";

/** How the outbox reaches the server: one `sendMessage` request, answered by its `ack` or an error. */
export interface OutboxTransport {
  readonly isOpen: boolean;
  sendMessage(message: OutgoingMessage): Promise<ServerFrame<"ack">>;
}

interface Entry {
  readonly message: OutgoingMessage;
  readonly resolve: (ack: ServerFrame<"ack">) => void;
  readonly reject: (error: unknown) => void;
  failures: number;
  notBefore: number;
}

/** Errors after which the very same frame may succeed: retried with the same `clientMessageId`. */
const RETRIED = new Set(["CLOSED", "TIMEOUT", "CONNECT_FAILED", "RATE_LIMITED", "INTERNAL"]);

/**
 * Messages waiting for their `ack`, sent one at a time in the order they were written. Each keeps
 * its `clientMessageId` for every attempt, so the server stores it once however often it is sent
 * (across reconnects too). `RATE_LIMITED` waits `retryAfterSeconds`; a refusal that cannot change
 * (BAD_REQUEST, CHAT_CLOSED, NOT_FOUND, ...) rejects that message and the outbox moves on.
 */
export class Outbox {
  private readonly queue: Entry[] = [];
  private running = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly transport: OutboxTransport,
    private readonly now: () => number = Date.now,
  ) {}

  get pending(): readonly OutgoingMessage[] {
    return this.queue.map((entry) => entry.message);
  }

  enqueue(message: OutgoingMessage): Promise<ServerFrame<"ack">> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject, failures: 0, notBefore: 0 });
      this.flush();
    });
  }

  /** Sends what waits, if connected; the client calls it again after every (re)connect. */
  flush(): void {
    if (this.running) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.run();
  }

  /** Gives up on every waiting message (the client was closed for good). */
  abandon(error: CareChatError): void {
    clearTimeout(this.timer);
    for (const entry of this.queue.splice(0)) entry.reject(error);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        const entry = this.queue[0];
        if (!entry || !this.transport.isOpen) return;
        const wait = entry.notBefore - this.now();
        if (wait > 0) {
          this.timer = setTimeout(() => this.flush(), wait);
          return;
        }
        try {
          const ack = await this.transport.sendMessage(entry.message);
          this.queue.shift();
          entry.resolve(ack);
        } catch (error) {
          const code = error instanceof CareChatError ? error.code : "INTERNAL";
          if (!RETRIED.has(code)) {
            this.queue.shift();
            entry.reject(error);
            continue;
          }
          entry.failures += 1;
          const retryAfterSeconds = error instanceof CareChatError ? error.retryAfterSeconds : undefined;
          entry.notBefore =
            this.now() +
            (code === "RATE_LIMITED"
              ? (retryAfterSeconds ?? 1) * 1000
              : code === "CLOSED"
                ? 0
                : backoffDelay(entry.failures, { baseMs: 250, maxMs: 10_000 }));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
