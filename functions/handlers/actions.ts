import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { chatDependencies } from "../lib/chat/chat-dependencies.ts";
import { endChat } from "../lib/chat/end-chat.ts";
import { getTranscript } from "../lib/chat/get-transcript.ts";
import { resumeChat } from "../lib/chat/resume-chat.ts";
import { sendMessage } from "../lib/chat/send-message.ts";
import { startChat } from "../lib/chat/start-chat.ts";
import { typing } from "../lib/chat/typing.ts";
import { logger } from "../lib/logger.ts";
import { wsRequest } from "../lib/middleware/ws-request.ts";
import { wsResponse } from "../lib/middleware/ws-response.ts";
import { wsRouter } from "../lib/middleware/ws-router.ts";
import type { WsContext, WsEvent, WsResult } from "../lib/middleware/ws-types.ts";

/** Every client action route and `$default`: validate, route to a plain function, reply with a frame. */
const router = wsRouter({
  startChat: (caller, frame) => startChat(chatDependencies(), caller, frame),
  sendMessage: (caller, frame) => sendMessage(chatDependencies(), caller, frame),
  resume: (caller, frame) => resumeChat(chatDependencies(), caller, frame),
  typing: (caller, frame) => typing(chatDependencies(), caller, frame),
  getTranscript: (caller, frame) => getTranscript(chatDependencies(), caller, frame),
  endChat: (caller, frame) => endChat(chatDependencies(), caller, frame),
});

export const handler = middy<WsEvent, WsResult, Error, WsContext>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(wsResponse())
  .use(wsRequest())
  .handler(router as unknown as (event: WsEvent, context: WsContext) => Promise<WsResult>);
