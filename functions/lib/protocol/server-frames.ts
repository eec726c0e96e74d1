import * as z from "../zod.ts";
import { type ParticipantRole, participantRoles } from "./participant-roles.ts";
import { agentJoiningFrame, leftQueueFrame } from "./queue-frames.ts";
import {
  attachmentRef,
  attachmentUrlFrame,
  uploadPendingFrame,
  uploadRejectedFrame,
  uploadRequestedFrame,
  verificationRequestedFrame,
  verificationResultFrame,
} from "./secure-step-frames.ts";

export type { UploadRejectionReason, VerificationOutcome } from "./secure-step-frames.ts";

import { caseFrame, chatRatedFrame, complaintLoggedFrame, wrappedUpFrame } from "./case-frames.ts";
import {
  cannedResponsesFrame,
  holderChangedFrame,
  inviteEndedFrame,
  inviteSentFrame,
  leftChatFrame,
  participantJoinedFrame,
  participantLeftFrame,
} from "./conference-frames.ts";
import { noteEntry, staffFrameSchemas } from "./staff-frames.ts";

/** Every server frame of the protocol, defined once; see docs/PROTOCOL.md. */
export const errorCodes = [
  "BAD_REQUEST",
  "UNKNOWN_ACTION",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "CHAT_CLOSED",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export { type ParticipantRole, participantRoles };

export const chatStates = ["assistant", "queued", "assigned", "closing", "ended"] as const;
export type ChatState = (typeof chatStates)[number];

const requestId = z.optional(z.string());

export const messageFrame = z.object({
  type: z.literal("message"),
  chatId: z.string(),
  seq: z.number().check(z.int(), z.positive()),
  from: z.object({
    role: z.enum(participantRoles),
    id: z.optional(z.string()),
    name: z.optional(z.string()),
  }),
  text: z.string(),
  sentAt: z.string(),
  redacted: z.boolean(),
  /** v2: a document the customer uploaded; fetch it with `getAttachment`. */
  attachment: z.optional(attachmentRef),
});

export const chatStartedFrame = z.object({
  type: z.literal("chatStarted"),
  requestId,
  chatId: z.string(),
  state: z.enum(chatStates),
  /** v2: the chat's case number, which exists from the start (the same one `chatEnded` gives). */
  caseNumber: z.string(),
});

export const ackFrame = z.object({
  type: z.literal("ack"),
  requestId,
  chatId: z.string(),
  clientMessageId: z.string(),
  seq: z.number().check(z.int(), z.positive()),
  redacted: z.boolean(),
  duplicate: z.boolean(),
});

export const resumedFrame = z.object({
  type: z.literal("resumed"),
  requestId,
  chatId: z.string(),
  state: z.enum(chatStates),
  lastSeq: z.number().check(z.int(), z.gte(0)),
  caseNumber: z.optional(z.string()),
  /** Seqs after `afterSeq` that hold no message (reserved, never filled, closed): count them as seen. */
  skipped: z.optional(z.array(z.number().check(z.int(), z.gte(1)))),
});

export const typingServerFrame = z.object({
  type: z.literal("typing"),
  chatId: z.string(),
  from: z.object({ role: z.enum(participantRoles), id: z.string(), name: z.optional(z.string()) }),
});

export const chatEndedFrame = z.object({
  type: z.literal("chatEnded"),
  chatId: z.string(),
  caseNumber: z.string(),
  summary: z.string(),
});

export const transcriptFrame = z.object({
  type: z.literal("transcript"),
  requestId,
  chatId: z.string(),
  state: z.enum(chatStates),
  caseNumber: z.optional(z.string()),
  summary: z.optional(z.string()),
  messages: z.array(z.omit(messageFrame, { type: true, chatId: true })),
  hasMore: z.boolean(),
  /** v2, staff participants only: the chat's notes (whispers); a customer's transcript never has them. */
  notes: z.optional(z.array(noteEntry)),
});

export const endingFrame = z.object({ type: z.literal("chatEnding"), requestId, chatId: z.string() });

export const errorFrame = z.object({
  type: z.literal("error"),
  requestId,
  code: z.enum(errorCodes),
  message: z.string(),
  /** With RATE_LIMITED: when the same request would be accepted again. */
  retryAfterSeconds: z.optional(z.number().check(z.int(), z.positive())),
});

export const pongFrame = z.object({ type: z.literal("pong"), requestId });

export const chatSummary = z.object({
  chatId: z.string(),
  state: z.enum(chatStates),
  caseNumber: z.optional(z.string()),
  startedAt: z.string(),
  lastSeq: z.number().check(z.int(), z.gte(0)),
});

export const chatsFrame = z.object({ type: z.literal("chats"), requestId, chats: z.array(chatSummary) });

const agentRef = z.object({ id: z.string(), name: z.string() });
const waitFields = {
  chatId: z.string(),
  queueId: z.string(),
  position: z.number().check(z.int(), z.positive()),
  estimatedWaitSeconds: z.nullable(z.number().check(z.gte(0))),
  /** The estimate as a customer reads it, in their language: "about 3 minutes". */
  estimatedWaitText: z.string(),
};

export const queuedFrame = z.object({ type: z.literal("queued"), requestId, ...waitFields });
export const queueStatusFrame = z.object({ type: z.literal("queueStatus"), ...waitFields });

export const agentJoinedFrame = z.object({
  type: z.literal("agentJoined"),
  chatId: z.string(),
  agent: agentRef,
});

export const offerContext = z.object({
  topic: z.optional(z.string()),
  language: z.string(),
  country: z.string(),
  segment: z.string(),
  customerName: z.string(),
  accountLast4: z.optional(z.string()),
  details: z.record(z.string(), z.unknown()),
  accommodations: z.optional(z.array(z.string())),
  note: z.optional(z.string()),
  reason: z.optional(z.string()),
  transferredFrom: z.optional(z.string()),
  verification: z.optional(z.object({ outcome: z.string(), at: z.string() })),
  /** v2: the chat's case number, so the agent can give it and find the case. */
  caseNumber: z.optional(z.string()),
});

/** A conference invitation is offered and assigned like a chat, marked as such. */
const offerKind = z.optional(z.enum(["chat", "conference"]));

export const chatOfferedFrame = z.object({
  type: z.literal("chatOffered"),
  chatId: z.string(),
  queueId: z.string(),
  context: offerContext,
  expiresInSeconds: z.number().check(z.int(), z.positive()),
  kind: offerKind,
  /** With `kind: "conference"`: why the holder invites (masked) and who invites. */
  reason: z.optional(z.string()),
  invitedBy: z.optional(agentRef),
});

export const offerWithdrawnFrame = z.object({
  type: z.literal("offerWithdrawn"),
  requestId,
  chatId: z.string(),
  reason: z.enum(["expired", "declined", "abandoned"]),
});

export const chatAssignedFrame = z.object({
  type: z.literal("chatAssigned"),
  requestId,
  chatId: z.string(),
  queueId: z.string(),
  context: offerContext,
  history: z.array(z.omit(messageFrame, { type: true, chatId: true })),
  kind: offerKind,
  /** False when the history was cut to keep the frame under 128 KB: older messages via getTranscript. */
  historyComplete: z.optional(z.boolean()),
  historyFromSeq: z.optional(z.number().check(z.int(), z.positive())),
});

export const presenceFrame = z.object({
  type: z.literal("presence"),
  requestId,
  status: z.enum(["available", "away", "offline"]),
  activeChats: z.number().check(z.int(), z.gte(0)),
  maxChats: z.number().check(z.int(), z.gte(1)),
});

export const transferringFrame = z.object({
  type: z.literal("transferring"),
  chatId: z.string(),
  queueId: z.string(),
  reason: z.enum(["transfer", "escalation"]),
});

export const transferAcceptedFrame = z.object({
  type: z.literal("transferStarted"),
  requestId,
  chatId: z.string(),
  queueId: z.string(),
});

export const agentUnavailableFrame = z.object({
  type: z.literal("agentUnavailable"),
  chatId: z.string(),
  queueId: z.string(),
  reason: z.enum(["closed", "noAgents"]),
  hours: z.string(),
  contactNumber: z.string(),
});

export const serverFrameSchemas = {
  queued: queuedFrame,
  queueStatus: queueStatusFrame,
  agentJoined: agentJoinedFrame,
  chatOffered: chatOfferedFrame,
  offerWithdrawn: offerWithdrawnFrame,
  chatAssigned: chatAssignedFrame,
  presence: presenceFrame,
  transferring: transferringFrame,
  transferStarted: transferAcceptedFrame,
  agentUnavailable: agentUnavailableFrame,
  message: messageFrame,
  chatStarted: chatStartedFrame,
  ack: ackFrame,
  resumed: resumedFrame,
  typing: typingServerFrame,
  chatEnded: chatEndedFrame,
  chatEnding: endingFrame,
  transcript: transcriptFrame,
  error: errorFrame,
  pong: pongFrame,
  chats: chatsFrame,
  leftQueue: leftQueueFrame,
  agentJoining: agentJoiningFrame,
  verificationRequested: verificationRequestedFrame,
  verificationResult: verificationResultFrame,
  uploadRequested: uploadRequestedFrame,
  uploadPending: uploadPendingFrame,
  uploadRejected: uploadRejectedFrame,
  attachmentUrl: attachmentUrlFrame,
  participantJoined: participantJoinedFrame,
  participantLeft: participantLeftFrame,
  ...staffFrameSchemas,
  case: caseFrame,
  complaintLogged: complaintLoggedFrame,
  chatRated: chatRatedFrame,
  wrappedUp: wrappedUpFrame,
  inviteSent: inviteSentFrame,
  inviteEnded: inviteEndedFrame,
  holderChanged: holderChangedFrame,
  leftChat: leftChatFrame,
  cannedResponses: cannedResponsesFrame,
} as const;

export type ServerFrameType = keyof typeof serverFrameSchemas;
export type ServerFrame<T extends ServerFrameType = ServerFrameType> = z.infer<
  (typeof serverFrameSchemas)[T]
>;
export type MessageFrame = ServerFrame<"message">;
export type ErrorFrame = ServerFrame<"error">;
export type ChatSummary = z.infer<typeof chatSummary>;
