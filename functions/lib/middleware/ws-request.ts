import type { MiddlewareObj } from "@middy/core";
import { fromAuthorizerContext } from "../auth/authorizer-context.ts";
import { BadRequestError, PayloadTooLargeError, UnknownActionError } from "../errors.ts";
import { logger } from "../logger.ts";
import { clientFrameSchemas, isClientAction } from "../protocol/client-frames.ts";
import { MAX_MESSAGE_TEXT_CHARS } from "../protocol/limits.ts";
import type { WsContext, WsEvent, WsResult } from "./ws-types.ts";

/**
 * Turns a WebSocket event into a validated request: the caller from the authorizer context, the
 * action from the body (not the route key, so a frame that reached `$default` is still judged by
 * what it says), and the frame checked against its schema.
 */
export const wsRequest = (): MiddlewareObj<WsEvent, WsResult, Error, WsContext> => ({
  before: (request) => {
    const { event, context } = request;
    const connectionId = event.requestContext.connectionId;
    logger.appendKeys({ connectionId, route: event.requestContext.routeKey });
    const body = parseBody(event.body);
    const action = body.action;
    if (action === undefined) throw new BadRequestError('The frame has no "action".');
    if (typeof action !== "string") throw new BadRequestError('"action" must be a string.');
    if (!isClientAction(action)) throw new UnknownActionError(action);
    logger.appendKeys({ action, chatId: typeof body.chatId === "string" ? body.chatId : undefined });
    // Characters as people count them (code points), not UTF-16 units: an emoji is one character.
    if (typeof body.text === "string" && codePoints(body.text) > MAX_MESSAGE_TEXT_CHARS)
      throw new PayloadTooLargeError(`A message is at most ${MAX_MESSAGE_TEXT_CHARS} characters.`);
    const parsed = clientFrameSchemas[action].safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join(".") || "frame";
      throw new BadRequestError(`Invalid ${action} frame: ${where}: ${issue?.message ?? "invalid"}.`);
    }
    const caller = { connectionId, identity: fromAuthorizerContext(event.requestContext.authorizer) };
    context.carechat = { caller, action, frame: parsed.data };
  },
});

function codePoints(text: string): number {
  if (text.length <= MAX_MESSAGE_TEXT_CHARS) return text.length;
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function parseBody(body: string | undefined): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body ?? "");
  } catch {
    throw new BadRequestError("The frame is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new BadRequestError("The frame must be a JSON object.");
  return value as Record<string, unknown>;
}
