import type { ErrorCode } from "./types.ts";

/** What can go wrong on the client side, beside the server's own error codes. */
export type ClientErrorCode =
  /** The connection closed (or was closed) before the reply came. */
  | "CLOSED"
  /** No reply within the request's timeout. */
  | "TIMEOUT"
  /** A socket could not be opened (refused token, network, server down). */
  | "CONNECT_FAILED"
  /** The frame would exceed API Gateway's 32 KB frame limit, which closes the connection. */
  | "FRAME_TOO_LARGE";

/**
 * Every error the SDK rejects with. `code` is a protocol error code (from an `error` frame) or a
 * client-side one; `retryAfterSeconds` comes with `RATE_LIMITED`.
 */
export class CareChatError extends Error {
  override readonly name = "CareChatError";
  readonly code: ErrorCode | ClientErrorCode;
  readonly retryAfterSeconds?: number;
  readonly requestId?: string;

  constructor(
    code: ErrorCode | ClientErrorCode,
    message: string,
    details: { retryAfterSeconds?: number; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.requestId !== undefined) this.requestId = details.requestId;
  }

  /** True for errors after which the same request may succeed if sent again. */
  get retryable(): boolean {
    return ["CLOSED", "TIMEOUT", "CONNECT_FAILED", "RATE_LIMITED", "INTERNAL"].includes(this.code);
  }
}

export const isCareChatError = (value: unknown): value is CareChatError => value instanceof CareChatError;
