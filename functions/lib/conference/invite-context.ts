import type { OfferContext, QueueEntry } from "../data/agent-records.ts";
import type { PendingInvite } from "../data/invite-records.ts";
import type { ChatRecord, Participant } from "../data/records.ts";
import { learnedContext } from "../kernel/offer-context.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

/**
 * Whether `agentId` holds a conference slot in `chat`: its invitation is offered to them, or they sit in
 * it as an invitee. Either way one of their slots is taken by it.
 */
export const holdsConferenceSlot = (chat: ChatRecord, agentId: string): boolean =>
  chat.invite?.offeredTo === agentId ||
  (Object.hasOwn(chat.participants, agentId) && chat.participants[agentId]?.conference !== undefined);

/** What an invitee is shown of the chat: what the assistant learned, as in any offer, plus the reason. */
export function inviteContext(chat: ChatRecord, invite: PendingInvite): OfferContext {
  return {
    ...learnedContext(chat),
    note: invite.reason,
    reason: "conference",
    transferredFrom: invite.invitedBy,
  };
}

/**
 * The invitation as the dispatcher's eligibility rule reads a queue entry (isEligible), so an invitee is
 * chosen by the same rules as any chat's agent: the queue, the language, capacity, presence. The
 * inviter, everyone already in the chat and everyone who let the invitation go count as having declined.
 */
export function inviteAsEntry(chat: ChatRecord, invite: PendingInvite, queueId: string): QueueEntry {
  return {
    queueId,
    sk: `INVITE#${invite.inviteId}`,
    chatId: chat.chatId,
    customerId: chat.customer.id,
    priority: 0,
    enqueuedAt: invite.createdAt,
    queuedAt: invite.createdAt,
    language: chat.assistant.language,
    state: "waiting",
    declinedBy: new Set([invite.invitedBy, ...invite.declinedBy, ...Object.keys(chat.participants)]),
    context: inviteContext(chat, invite),
  };
}

export const inviteOfferFrame = (
  chat: ChatRecord,
  invite: PendingInvite,
  expiresInSeconds: number,
): ServerFrame<"chatOffered"> => ({
  type: "chatOffered",
  chatId: chat.chatId,
  queueId: invite.queueId ?? chat.lastQueueId ?? "",
  context: inviteContext(chat, invite),
  expiresInSeconds,
  kind: "conference",
  reason: invite.reason,
  invitedBy: { id: invite.invitedBy, name: invite.invitedByName },
});

export type ParticipantRef = ServerFrame<"participantJoined">["participant"];

export const participantRef = (id: string, participant: Participant): ParticipantRef => ({
  // Only staff join or leave as participants; the customer is never announced.
  role: participant.role === "supervisor" ? "supervisor" : "agent",
  id,
  name: participant.name,
});

/** Staff participants other than `except`, who hold a conference seat: who may take over as holder. */
export function seatedStaff(chat: ChatRecord, except: string): string[] {
  return Object.entries(chat.participants)
    .filter(([id, participant]) => id !== except && participant.role !== "customer" && participant.conference)
    .sort(([, a], [, b]) => a.joinedAt.localeCompare(b.joinedAt))
    .map(([id]) => id);
}
