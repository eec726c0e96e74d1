import type { MiddlewareObj } from "@middy/core";
import { isCareChatError, RateLimitedError } from "../errors.ts";
import { logger } from "../logger.ts";
import { maskFreeText } from "../masking/index.ts";
import type { ErrorFrame, ServerFrame } from "../protocol/server-frames.ts";
import { asServiceBusy } from "./service-busy.ts";
import type { WsContext, WsEvent, WsResult } from "./ws-types.ts";

/**
 * Sends a route's reply frame back as the integration response (API Gateway's two-way route), and
 * turns any error into the protocol's error frame. The connection stays open either way; an
 * unexpected error is logged in full but reported to the client only as INTERNAL.
 */
export const wsResponse = (): MiddlewareObj<WsEvent, WsResult, Error, WsContext> => ({
  after: (request) => {
    const frame = request.response as unknown as ServerFrame | undefined;
    if (frame && "chatId" in frame) logger.appendKeys({ chatId: frame.chatId });
    logger.info("Request handled", { reply: frame?.type });
    request.response = frame
      ? { statusCode: 200, body: JSON.stringify(frame) }
      : { statusCode: 200, body: "" };
  },
  onError: (request) => {
    const error = asServiceBusy(request.error);
    const requestId = requestIdOf(request.event.body);
    let frame: ErrorFrame;
    if (isCareChatError(error)) {
      // The reason is the message the client is sent; masked, as any text that reaches a log.
      logger.info("Request refused", { code: error.code, reason: maskFreeText(error.message).text });
      frame = { type: "error", requestId, code: error.code, message: error.message };
      if (error instanceof RateLimitedError) frame.retryAfterSeconds = error.retryAfterSeconds;
    } else {
      logger.error("Request failed", error as Error);
      frame = { type: "error", requestId, code: "INTERNAL", message: "Something went wrong on our side." };
    }
    request.response = { statusCode: 200, body: JSON.stringify(frame) };
  },
});

function requestIdOf(body: string | undefined): string | undefined {
  try {
    const value = JSON.parse(body ?? "") as { requestId?: unknown };
    return typeof value?.requestId === "string" ? value.requestId.slice(0, 128) : undefined;
  } catch {
    return undefined;
  }
}
