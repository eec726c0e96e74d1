import { LANGUAGES } from "../language/languages.ts";
import * as z from "../zod.ts";
import { MAX_CLIENT_MESSAGE_ID_CHARS } from "./limits.ts";

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
});

export const typingFrame = z.object({ action: z.literal("typing"), requestId, chatId });
export const endChatFrame = z.object({ action: z.literal("endChat"), requestId, chatId });

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
