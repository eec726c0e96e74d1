import type { ClientAction } from "./client-frames.ts";
import type { ServerFrameType } from "./server-frames.ts";
import { staffActionDescriptions, staffActionReplies, staffFrameDescriptions } from "./staff-actions.ts";

/**
 * The words of the AsyncAPI document: one line per frame, and which server frames answer each
 * client action. Typed by the schemas' keys, so adding a frame without describing it fails tsc.
 */
const clientMessages: Record<ClientAction, string> = {
  startChat: "A customer starts a chat with the virtual assistant, optionally with a topic and opening text.",
  sendMessage:
    "A participant sends a message; `clientMessageId` makes a retry safe (the same id gets the same seq).",
  requestAgent: "A customer asks for a live agent; the chat is routed and queued.",
  resume: "A participant on a new connection asks for every message after `afterSeq`, then `resumed`.",
  typing: "A participant is typing; the other participants are told.",
  endChat: "A participant ends the chat; the closure workflow assigns a case number and writes a summary.",
  getTranscript: "A participant reads the chat's messages after `afterSeq`, a page at a time.",
  setPresence: "An agent or supervisor becomes available, away or offline.",
  acceptChat: "An agent accepts a chat offered to them.",
  declineChat: "An agent declines a chat offered to them; it is offered to another agent.",
  transferChat: "The agent holding a chat hands it to another queue, with a note.",
  escalateChat: "The agent holding a chat hands it to a supervisor, with a reason.",
  ping: "A keep-alive under the 10-minute idle timeout; answered with `pong`.",
  listChats: "A customer lists their open and recent chats, to resume them after losing state.",
  leaveQueue: "A waiting customer leaves the queue; the chat goes back to the virtual assistant.",
  requestVerification:
    "The agent holding a chat asks the customer to verify (last four digits and postal code).",
  verify:
    "The customer answers a verification request; the values are compared in constant time, never stored or logged.",
  requestUpload:
    "The agent holding a chat asks the customer for a document: the customer gets a presigned POST.",
  getAttachment: "A participant asks for a short-lived link to an attachment of the chat.",
  ...staffActionDescriptions,
  getCase: "A customer reads one of their own cases, from any chat; staff a case of a chat they may see.",
  updateCase: "Staff move a case to another status (valid transitions only), with an optional note.",
  logComplaint:
    "The agent holding the chat logs a complaint: a case of its own; the customer is told its number.",
  rateChat: "After chatEnded, the customer rates the chat 1-5 with an optional comment, once.",
  wrapUp: "After a chat ended, a staff member who took part records its wrap-up code and note, once.",
  inviteToChat:
    "The agent holding a chat invites a queue's eligible agent or a named agent, with a reason (conference).",
  leaveChat: "A staff participant leaves a chat that goes on with the other staff; the last agent cannot.",
  listCannedResponses: "A staff participant lists the canned responses of the chat, placeholders filled.",
};

const serverMessages: Record<ServerFrameType, string> = {
  queued: "The chat waits for an agent: queue, position and estimated wait (reply to requestAgent).",
  queueStatus: "The customer's queue position or estimated wait changed.",
  agentJoined: "A live agent joined the chat.",
  chatOffered: "An agent is offered a waiting chat, with what the assistant learned; it expires.",
  offerWithdrawn: "An offer is no longer open: it expired, was declined or the customer left.",
  chatAssigned: "The agent now holds the chat: its history and context (reply to acceptChat).",
  presence: "The agent's presence and chat slots (reply to setPresence).",
  transferring: "The customer's chat is being transferred or escalated.",
  transferStarted: "The agent's transfer or escalation is under way (reply to transferChat/escalateChat).",
  agentUnavailable: "No agent can take the chat now (closed or none signed in): hours and a number to call.",
  message: "A chat message; `seq` rises by one per chat with no gaps and reaches every participant.",
  chatStarted: "The chat exists (reply to startChat); the assistant's greeting follows as messages.",
  ack: "The message is stored under `seq` (reply to sendMessage).",
  resumed: "Replay finished: the chat's state and last seq (reply to resume).",
  typing: "Another participant is typing.",
  chatEnded: "The chat ended: its case number and a written summary.",
  chatEnding: "The chat is closing (reply to endChat); chatEnded follows.",
  transcript: "A page of the chat's messages (reply to getTranscript).",
  error: "A refused or failed request: a code of the protocol, echoing the request's `requestId`.",
  pong: "Reply to ping.",
  chats: "The customer's open and recent chats, newest first (reply to listChats).",
  leftQueue: "The customer left the queue: the assistant holds the chat again (reply to leaveQueue).",
  agentJoining: "The waiting chat was offered to an agent: one is about to join (the offer may still lapse).",
  verificationRequested: "The customer is asked to verify themselves; the agent gets it as the reply.",
  verificationResult:
    "The outcome of a verification (verified, failed or locked); a locked one carries the number to call.",
  uploadRequested: "The customer may upload one document: a presigned S3 POST form, its limits and expiry.",
  uploadPending: "The customer was asked for a document (reply to requestUpload).",
  uploadRejected:
    "A stored file was refused (wrong type by its content, too large, reused or expired) and deleted.",
  attachmentUrl: "A short-lived link to an attachment (reply to getAttachment).",
  ...staffFrameDescriptions,
  case: "A case: status, status history (who changed what, when), kind (reply to getCase/updateCase).",
  complaintLogged: "The complaint is a case under `caseNumber` (reply to logComplaint).",
  chatRated: "The rating is stored (reply to rateChat).",
  wrappedUp: "The wrap-up is stored with the chat's case (reply to wrapUp).",
  participantJoined:
    "A staff member joined the chat (an invitee, a supervisor barging in); to every participant.",
  participantLeft: "A staff member left the chat, which goes on; to the remaining participants.",
  inviteSent: "The invitation is being offered (reply to inviteToChat).",
  inviteEnded:
    "The inviter's invitation ended: accepted, not accepted in time, or nobody free to offer it to.",
  holderChanged: "The holder left; another staff participant now holds the chat.",
  leftChat: "The caller left the chat (reply to leaveChat).",
  cannedResponses: "The chat's canned responses, filled for it (reply to listCannedResponses).",
};

/** The success replies of each client action; every action may also be answered with `error`. */
const clientReplies: Record<ClientAction, readonly ServerFrameType[]> = {
  startChat: ["chatStarted"],
  sendMessage: ["ack"],
  requestAgent: ["queued", "agentUnavailable"],
  resume: ["resumed"],
  typing: [],
  endChat: ["chatEnding"],
  getTranscript: ["transcript"],
  setPresence: ["presence"],
  acceptChat: ["chatAssigned"],
  declineChat: ["offerWithdrawn"],
  transferChat: ["transferStarted"],
  escalateChat: ["transferStarted"],
  ping: ["pong"],
  listChats: ["chats"],
  leaveQueue: ["leftQueue"],
  requestVerification: ["verificationRequested"],
  verify: ["verificationResult"],
  requestUpload: ["uploadPending"],
  getAttachment: ["attachmentUrl"],
  ...staffActionReplies,
  getCase: ["case"],
  updateCase: ["case"],
  logComplaint: ["complaintLogged"],
  rateChat: ["chatRated"],
  wrapUp: ["wrappedUp"],
  inviteToChat: ["inviteSent"],
  leaveChat: ["leftChat"],
  listCannedResponses: ["cannedResponses"],
};

export const asyncApiDescriptions = { clientMessages, serverMessages };
export { clientReplies };
