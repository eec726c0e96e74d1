import { LANGUAGES } from "../language/languages.ts";
import * as z from "../zod.ts";
import { MAX_CLIENT_MESSAGE_ID_CHARS } from "./limits.ts";
import { leaveQueueFrame } from "./queue-frames.ts";
import { staffActionSchemas } from "./staff-actions.ts";

/**
 * Every client frame of the protocol, defined once. Handlers validate with these schemas; tests and
 * clients take their types from them. Text length is checked by the handler, not here, so that an
 * over-long message gets PAYLOAD_TOO_LARGE rather than BAD_REQUEST.
 */
const requestId = z.optional(z.string().check(z.minLength(1), z.maxLength(128)));
const chatId = z.string().check(z.minLength(1), z.maxLength(64));
const text = z.string();

export const startChatFrame = z.object({
  action: z.literal("startChat"),
  requestId,
  topic: z.optional(z.string().check(z.maxLength(64))),
  accountLast4: z.optional(z.string().check(z.regex(/^\d{4}$/))),
  language: z.optional(z.enum(LANGUAGES)),
  text: z.optional(text),
});

export const sendMessageFrame = z.object({
  action: z.literal("sendMessage"),
  requestId,
  chatId,
  clientMessageId: z.string().check(z.minLength(1), z.maxLength(MAX_CLIENT_MESSAGE_ID_CHARS)),
  text: text.check(z.minLength(1)),
});

export const requestAgentFrame = z.object({ action: z.literal("requestAgent"), requestId, chatId });

export const resumeFrame = z.object({
  action: z.literal("resume"),
  requestId,
  chatId,
  afterSeq: z._default(z.number().check(z.int(), z.gte(0)), 0),
  /** v2, staff only: notes with `noteSeq` above this are replayed too (as `note` frames). */
  afterNoteSeq: z.optional(z.number().check(z.int(), z.gte(0))),
});

export const typingFrame = z.object({ action: z.literal("typing"), requestId, chatId });
/** v2: a case number as typed ("cc-261201-ab12cd " is found): trimmed and upper-cased. */
const caseNumber = z.pipe(
  z.string().check(z.minLength(1), z.maxLength(40)),
  z.transform((value) => value.trim().toUpperCase()),
);
const caseStatus = z.enum(["open", "in-progress", "resolved", "closed"]);
const wrapUpCode = z.string().check(z.minLength(1), z.maxLength(40));
const caseNote = z.optional(z.string().check(z.maxLength(1_000)));

export const endChatFrame = z.object({
  action: z.literal("endChat"),
  requestId,
  chatId,
  /** v2: the agent's wrap-up, recorded with the chat's case (see `wrapUp`). */
  wrapUp: z.optional(z.object({ code: wrapUpCode, note: caseNote })),
});

/** v2: cases. A customer reads their own; staff the cases of chats they may see. */
export const getCaseFrame = z.object({ action: z.literal("getCase"), requestId, caseNumber });

export const updateCaseFrame = z.object({
  action: z.literal("updateCase"),
  requestId,
  caseNumber,
  status: caseStatus,
  note: caseNote,
});

export const logComplaintFrame = z.object({
  action: z.literal("logComplaint"),
  requestId,
  chatId,
  text: z.string().check(z.minLength(1), z.maxLength(4_000)),
});

export const rateChatFrame = z.object({
  action: z.literal("rateChat"),
  requestId,
  chatId,
  score: z.number().check(z.int(), z.gte(1), z.lte(5)),
  comment: caseNote,
});

/** v2: the wrap-up of a chat that has ended, by a staff member who took part in it. */
export const wrapUpFrame = z.object({
  action: z.literal("wrapUp"),
  requestId,
  chatId,
  code: wrapUpCode,
  note: caseNote,
});

export const getTranscriptFrame = z.object({
  action: z.literal("getTranscript"),
  requestId,
  chatId,
  afterSeq: z._default(z.number().check(z.int(), z.gte(0)), 0),
});

export const setPresenceFrame = z.object({
  action: z.literal("setPresence"),
  requestId,
  status: z.enum(["available", "away", "offline"]),
});

export const acceptChatFrame = z.object({ action: z.literal("acceptChat"), requestId, chatId });
export const declineChatFrame = z.object({ action: z.literal("declineChat"), requestId, chatId });

export const transferChatFrame = z.object({
  action: z.literal("transferChat"),
  requestId,
  chatId,
  queueId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  note: z.optional(z.string().check(z.maxLength(1_000))),
});

export const escalateChatFrame = z.object({
  action: z.literal("escalateChat"),
  requestId,
  chatId,
  reason: z.string().check(z.minLength(1), z.maxLength(1_000)),
});

/** v2: a keep-alive under API Gateway's 10-minute idle timeout (browsers cannot send WebSocket pings). */
export const pingFrame = z.object({ action: z.literal("ping"), requestId });

/** v2: the caller's open and recent chats, so a client that lost its state (a page reload) can resume. */
export const listChatsFrame = z.object({ action: z.literal("listChats"), requestId });

/** v2: the agent holding the chat asks the customer to verify themselves (secure-steps.ts). */
export const requestVerificationFrame = z.object({
  action: z.literal("requestVerification"),
  requestId,
  chatId,
});

/** v2: the customer's answers; `last4` and `postalCode` bypass masking and are never stored or logged. */
export const verifyFrame = z.object({
  action: z.literal("verify"),
  requestId,
  chatId,
  verificationId: z.string().check(z.minLength(1), z.maxLength(64)),
  last4: z.string().check(z.minLength(1), z.maxLength(16)),
  postalCode: z.string().check(z.minLength(1), z.maxLength(16)),
});

/** v2: the agent holding the chat asks the customer for a document (a presigned S3 POST). */
export const requestUploadFrame = z.object({
  action: z.literal("requestUpload"),
  requestId,
  chatId,
  purpose: z.optional(z.string().check(z.maxLength(200))),
});

/** v2: a participant asks for a short-lived link to a stored attachment. */
export const getAttachmentFrame = z.object({
  action: z.literal("getAttachment"),
  requestId,
  chatId,
  attachmentId: z.string().check(z.minLength(1), z.maxLength(64)),
});

/** v2: the holder brings a queue's agent or a named agent into the chat (conference / consult). */
export const inviteToChatFrame = z.object({
  action: z.literal("inviteToChat"),
  requestId,
  chatId,
  queueId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  agentId: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  reason: z.string().check(z.minLength(1), z.maxLength(1_000)),
});

/** v2: a staff participant leaves a chat that goes on with the other staff. */
export const leaveChatFrame = z.object({ action: z.literal("leaveChat"), requestId, chatId });

/** v2: the canned responses of the chat's queue and language, filled for this chat. */
export const listCannedResponsesFrame = z.object({
  action: z.literal("listCannedResponses"),
  requestId,
  chatId,
});

export const clientFrameSchemas = {
  startChat: startChatFrame,
  sendMessage: sendMessageFrame,
  requestAgent: requestAgentFrame,
  resume: resumeFrame,
  typing: typingFrame,
  endChat: endChatFrame,
  getTranscript: getTranscriptFrame,
  setPresence: setPresenceFrame,
  acceptChat: acceptChatFrame,
  declineChat: declineChatFrame,
  transferChat: transferChatFrame,
  escalateChat: escalateChatFrame,
  ping: pingFrame,
  listChats: listChatsFrame,
  leaveQueue: leaveQueueFrame,
  requestVerification: requestVerificationFrame,
  verify: verifyFrame,
  requestUpload: requestUploadFrame,
  getAttachment: getAttachmentFrame,
  ...staffActionSchemas,
  getCase: getCaseFrame,
  updateCase: updateCaseFrame,
  logComplaint: logComplaintFrame,
  rateChat: rateChatFrame,
  wrapUp: wrapUpFrame,
  inviteToChat: inviteToChatFrame,
  leaveChat: leaveChatFrame,
  listCannedResponses: listCannedResponsesFrame,
} as const;

export type ClientAction = keyof typeof clientFrameSchemas;
export const clientActions = Object.keys(clientFrameSchemas) as ClientAction[];
export type ClientFrame<A extends ClientAction> = z.output<(typeof clientFrameSchemas)[A]>;
export type ClientFrameInput<A extends ClientAction> = z.input<(typeof clientFrameSchemas)[A]>;

export const isClientAction = (value: unknown): value is ClientAction =>
  typeof value === "string" && Object.hasOwn(clientFrameSchemas, value);
