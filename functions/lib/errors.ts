import type { ErrorCode } from "./protocol/server-frames.ts";

/**
 * Errors a client may see. Each maps to exactly one error code of the protocol; anything else
 * that escapes a handler is reported to the client as INTERNAL, without its message.
 */
export class CareChatError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends CareChatError {
  constructor(message: string) {
    super("BAD_REQUEST", message);
  }
}

export class UnknownActionError extends CareChatError {
  constructor(action: string) {
    super("UNKNOWN_ACTION", `Unknown action "${action.slice(0, 64)}".`);
  }
}

export class UnauthorizedError extends CareChatError {
  constructor(message = "The token is missing, expired or invalid.") {
    super("UNAUTHORIZED", message);
  }
}

export class ForbiddenError extends CareChatError {
  constructor(message: string) {
    super("FORBIDDEN", message);
  }
}

/** Also used when a chat exists but the caller is not in it, so that nothing about it leaks. */
export class NotFoundError extends CareChatError {
  constructor(message = "No such chat.") {
    super("NOT_FOUND", message);
  }
}

export class ConflictError extends CareChatError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

export class ChatClosedError extends CareChatError {
  constructor(message = "This chat has ended.") {
    super("CHAT_CLOSED", message);
  }
}

export class PayloadTooLargeError extends CareChatError {
  constructor(message: string) {
    super("PAYLOAD_TOO_LARGE", message);
  }
}

export class RateLimitedError extends CareChatError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "You are sending too fast; please wait a moment.",
  ) {
    super("RATE_LIMITED", message);
  }
}

export const isCareChatError = (error: unknown): error is CareChatError => error instanceof CareChatError;
