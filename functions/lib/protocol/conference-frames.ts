import * as z from "../zod.ts";

/**
 * v2: the server frames of several staff in one chat (docs/PROTOCOL.md "Conference"): joining and
 * leaving, invitations, the holder changing, canned responses. Part of serverFrameSchemas.
 */
const requestId = z.optional(z.string());
const agentRef = z.object({ id: z.string(), name: z.string() });

/**
 * v2: someone joined or left the chat as a participant (a supervisor barging in, a conference
 * invitee). Every participant gets it; `role` is never `customer`.
 */
export const participantRef = z.object({
  role: z.enum(["agent", "supervisor"]),
  id: z.string(),
  name: z.string(),
});

export const participantJoinedFrame = z.object({
  type: z.literal("participantJoined"),
  chatId: z.string(),
  participant: participantRef,
});

export const participantLeftFrame = z.object({
  type: z.literal("participantLeft"),
  chatId: z.string(),
  participant: participantRef,
});

export const inviteSentFrame = z.object({
  type: z.literal("inviteSent"),
  requestId,
  chatId: z.string(),
  inviteId: z.string(),
  queueId: z.optional(z.string()),
  agentId: z.optional(z.string()),
});

export const inviteEndedFrame = z.object({
  type: z.literal("inviteEnded"),
  chatId: z.string(),
  inviteId: z.string(),
  /** accepted; notAccepted (offered, nobody took it); noAgents (nobody eligible was free to offer it to). */
  outcome: z.enum(["accepted", "notAccepted", "noAgents"]),
  participant: z.optional(participantRef),
});

export const holderChangedFrame = z.object({
  type: z.literal("holderChanged"),
  chatId: z.string(),
  holder: agentRef,
});

export const leftChatFrame = z.object({ type: z.literal("leftChat"), requestId, chatId: z.string() });

export const cannedResponsesFrame = z.object({
  type: z.literal("cannedResponses"),
  requestId,
  chatId: z.string(),
  responses: z.array(z.object({ id: z.string(), title: z.string(), text: z.string() })),
});
