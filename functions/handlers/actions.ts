import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { acceptChat } from "../lib/agents/accept-chat.ts";
import { declineChat } from "../lib/agents/decline-chat.ts";
import { leaveQueue } from "../lib/agents/leave-queue.ts";
import { requestAgent } from "../lib/agents/request-agent.ts";
import { setPresence } from "../lib/agents/set-presence.ts";
import { transferChat } from "../lib/agents/transfer-chat.ts";
import { listCannedResponses } from "../lib/canned/list-canned-responses.ts";
import { getCase } from "../lib/cases/get-case.ts";
import { logComplaint } from "../lib/cases/log-complaint.ts";
import { rateChat } from "../lib/cases/rate-chat.ts";
import { updateCase } from "../lib/cases/update-case.ts";
import { wrapUpChat } from "../lib/cases/wrap-up.ts";
import { endChatWithWrapUp } from "../lib/chat/end-chat-with-wrap-up.ts";
import { getTranscript } from "../lib/chat/get-transcript.ts";
import { listChats } from "../lib/chat/list-chats.ts";
import { ping } from "../lib/chat/ping.ts";
import { resumeChat } from "../lib/chat/resume-chat.ts";
import { sendMessage } from "../lib/chat/send-message.ts";
import { startChat } from "../lib/chat/start-chat.ts";
import { typing } from "../lib/chat/typing.ts";
import { chatPorts } from "../lib/composition/chat-root.ts";
import { inviteToChat } from "../lib/conference/invite-to-chat.ts";
import { leaveChat } from "../lib/conference/leave-chat.ts";
import { logger } from "../lib/logger.ts";
import { connectionLimits } from "../lib/middleware/connection-limits.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";
import { wsRequest } from "../lib/middleware/ws-request.ts";
import { wsResponse } from "../lib/middleware/ws-response.ts";
import { wsRouter } from "../lib/middleware/ws-router.ts";
import type { WsContext, WsEvent, WsResult } from "../lib/middleware/ws-types.ts";
import { supervisorRoutes } from "../lib/supervision/routes.ts";
import { getAttachment } from "../lib/uploads/get-attachment.ts";
import { requestUpload } from "../lib/uploads/request-upload.ts";
import { requestVerification } from "../lib/verification/request-verification.ts";
import { verify } from "../lib/verification/verify.ts";

/** Built on the first request of a cold start and shared by every later one. */
const ports = () => chatPorts("actions");

/** Every client action route and `$default`: validate, route to a plain function, reply with a frame. */
const router = wsRouter({
  startChat: (caller, frame) => startChat(ports(), caller, frame),
  sendMessage: (caller, frame) => sendMessage(ports(), caller, frame),
  resume: (caller, frame) => resumeChat(ports(), caller, frame),
  typing: (caller, frame) => typing(ports(), caller, frame),
  getTranscript: (caller, frame) => getTranscript(ports(), caller, frame),
  endChat: (caller, frame) => endChatWithWrapUp(ports(), caller, frame),
  requestAgent: (caller, frame) => requestAgent(ports(), caller, frame),
  setPresence: (caller, frame) => setPresence(ports(), caller, frame),
  acceptChat: (caller, frame) => acceptChat(ports(), caller, frame),
  declineChat: (caller, frame) => declineChat(ports(), caller, frame),
  transferChat: (caller, frame) => transferChat(ports(), caller, frame),
  escalateChat: (caller, frame) => transferChat(ports(), caller, frame),
  ping: (_caller, frame) => ping(frame),
  listChats: (caller, frame) => listChats(ports(), caller, frame),
  leaveQueue: (caller, frame) => leaveQueue(ports(), caller, frame),
  requestVerification: (caller, frame) => requestVerification(ports(), caller, frame),
  verify: (caller, frame) => verify(ports(), caller, frame),
  requestUpload: (caller, frame) => requestUpload(ports(), caller, frame),
  getAttachment: (caller, frame) => getAttachment(ports(), caller, frame),
  ...supervisorRoutes(ports),
  getCase: (caller, frame) => getCase(ports(), caller, frame),
  updateCase: (caller, frame) => updateCase(ports(), caller, frame),
  logComplaint: (caller, frame) => logComplaint(ports(), caller, frame),
  rateChat: (caller, frame) => rateChat(ports(), caller, frame),
  wrapUp: (caller, frame) => wrapUpChat(ports(), caller, frame),
  inviteToChat: (caller, frame) => inviteToChat(ports(), caller, frame),
  leaveChat: (caller, frame) => leaveChat(ports(), caller, frame),
  listCannedResponses: (caller, frame) => listCannedResponses(ports(), caller, frame),
});

export const handler = middy<WsEvent, WsResult, Error, WsContext>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics())
  .use(wsResponse())
  .use(connectionLimits())
  .use(wsRequest())
  .handler(router as unknown as (event: WsEvent, context: WsContext) => Promise<WsResult>);
