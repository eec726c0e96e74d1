import type { MiddlewareObj } from "@middy/core";
import { fromAuthorizerContext } from "../auth/authorizer-context.ts";
import { BadRequestError, PayloadTooLargeError, UnknownActionError } from "../errors.ts";
import { logger } from "../logger.ts";
import { clientFrameSchemas, isClientAction } from "../protocol/client-frames.ts";
import { MAX_MESSAGE_TEXT_CHARS } from "../protocol/limits.ts";
import { maskFrame } from "./mask-frame.ts";
import { withholdSecrets } from "./secret-fields.ts";
import type { WsContext, WsEvent, WsResult } from "./ws-types.ts";

/**
 * Turns a WebSocket event into a validated request: the caller from the authorizer context, the
 * action from the body (not the route key, so a frame that reached `$default` is still judged by
 * what it says), and the frame checked against its schema.
 *
 * Before anything reads the frame, every string in it is masked (mask-frame.ts), and the event's body is
 * replaced by the masked frame, so that later middleware (the error reply echoing `requestId`) and any
 * log of the event never see the original. Only the length of `text` is measured on the original, as the
 * limit is on what the sender typed. What was hidden travels to the use case on the caller.
 */
export const wsRequest = (): MiddlewareObj<WsEvent, WsResult, Error, WsContext> => ({
  before: (request) => {
    const { event, context } = request;
    const connectionId = event.requestContext.connectionId;
    logger.appendKeys({ connectionId, route: event.requestContext.routeKey });
    const { rest: raw, secrets } = withholdSecrets(parseBody(event.body));
    const rawText = raw.text;
    const { body, redaction } = maskFrame(raw);
    event.body = JSON.stringify(body);
    const action = body.action;
    if (action === undefined) throw new BadRequestError('The frame has no "action".');
    if (typeof action !== "string") throw new BadRequestError('"action" must be a string.');
    if (!isClientAction(action)) throw new UnknownActionError(action);
    logger.appendKeys({ action, chatId: loggableId(body.chatId) });
    // Characters as people count them (code points), not UTF-16 units: an emoji is one character.
    if (typeof rawText === "string" && codePoints(rawText) > MAX_MESSAGE_TEXT_CHARS)
      throw new PayloadTooLargeError(`A message is at most ${MAX_MESSAGE_TEXT_CHARS} characters.`);
    const parsed = clientFrameSchemas[action].safeParse({ ...body, ...secrets });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join(".") || "frame";
      throw new BadRequestError(`Invalid ${action} frame: ${where}: ${issue?.message ?? "invalid"}.`);
    }
    const identity = fromAuthorizerContext(event.requestContext.authorizer);
    const caller = { connectionId, identity, redaction };
    context.carechat = { caller, action, frame: parsed.data };
  },
});

/** Ids are logged only when they look like ids: anything else could be free text typed into an id. */
const SAFE_ID = /^[\w.:@#-]{1,64}$/;
const loggableId = (value: unknown): string | undefined =>
  typeof value === "string" ? (SAFE_ID.test(value) ? value : "(not an id)") : undefined;

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
