import type { ChatRecord } from "../data/records.ts";
import { ConflictError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { announceJoined } from "./announce.ts";
import { holdsConferenceSlot, inviteContext, participantRef } from "./invite-context.ts";
import { type InvitePorts, releaseInviteOffer } from "./offer-invite.ts";

const OFFER_GONE = "This invitation has expired or belongs to another agent.";

/** Whether `acceptChat` / `declineChat` from `agentId` is about a conference invitation (held or taken). */
export const isInviteAnswer = (chat: ChatRecord | undefined, agentId: string): chat is ChatRecord =>
  chat !== undefined && holdsConferenceSlot(chat, agentId);

/**
 * The invitee takes the invitation: one transaction (only while they hold its offer and the chat is
 * still with its holder) makes them a participant with a conference seat (the slot reserved at the offer
 * stays theirs), removes the invitation and subscribes this connection. Then the invitee gets the
 * history, everyone `participantJoined`, the customer a system message, and the inviter `inviteEnded`.
 */
export async function acceptInvite(
  deps: InvitePorts,
  caller: Caller,
  frame: ClientFrame<"acceptChat">,
  chat: ChatRecord,
): Promise<ServerFrame<"chatAssigned">> {
  const { identity } = caller;
  const seat = Object.hasOwn(chat.participants, identity.sub) ? chat.participants[identity.sub] : undefined;
  // A retried accept whose reply was lost: answer it again.
  if (seat?.conference) return assigned(deps, frame, chat, seat.conference.queueId);
  const invite = chat.invite;
  if (!invite || invite.offeredTo !== identity.sub) throw new ConflictError(OFFER_GONE);
  const participant = {
    role: identity.role,
    name: identity.name,
    joinedAt: new Date().toISOString(),
    conference: { inviteId: invite.inviteId, ...(invite.queueId ? { queueId: invite.queueId } : {}) },
  };
  const accepted = await deps.transactions.commit([
    deps.chats.updateItem(chat.chatId, {
      set: [[["participants", identity.sub], participant]],
      remove: ["invite"],
      fromStates: ["assigned"],
      expect: [
        { path: ["invite", "inviteId"], equals: invite.inviteId },
        { path: ["invite", "offeredTo"], equals: identity.sub },
      ],
    }),
    ...deps.chats.subscribeItems(chat.chatId, {
      connectionId: caller.connectionId,
      userId: identity.sub,
      role: identity.role,
    }),
  ]);
  // The offer stays held (and its slot reserved) until the workflow's timeout gives both back.
  if (!accepted) throw new ConflictError(OFFER_GONE);

  // Committed. A token stored after the read above is answered by the wait itself, or by its timeout,
  // whose ExpireInvite finds the invitation gone: either way nothing is offered again.
  await deps.handoff.signal(invite.answerToken, { outcome: "accepted", agentId: identity.sub });
  const ref = participantRef(identity.sub, participant);
  await deps.sender.sendToUser(invite.invitedBy, [
    {
      type: "inviteEnded",
      chatId: chat.chatId,
      inviteId: invite.inviteId,
      outcome: "accepted",
      participant: ref,
    },
  ]);
  await announceJoined(deps, chat, ref, invite.queueId);
  return assigned(deps, frame, chat, invite.queueId);
}

/** The invitee passes: the offer and the slot are given back, and the workflow offers the next agent. */
export async function declineInvite(
  deps: InvitePorts,
  caller: Caller,
  frame: ClientFrame<"declineChat">,
  chat: ChatRecord,
): Promise<ServerFrame<"offerWithdrawn">> {
  const invite = chat.invite;
  if (!invite || invite.offeredTo !== caller.identity.sub) throw new ConflictError(OFFER_GONE);
  const released = await releaseInviteOffer(
    deps,
    { chatId: chat.chatId, inviteId: invite.inviteId },
    caller.identity.sub,
  );
  if (!released) throw new ConflictError(OFFER_GONE);
  await deps.handoff.signal(invite.answerToken, { outcome: "declined", agentId: caller.identity.sub });
  return { type: "offerWithdrawn", requestId: frame.requestId, chatId: chat.chatId, reason: "declined" };
}

async function assigned(
  deps: Needs<"chats">,
  frame: ClientFrame<"acceptChat">,
  chat: ChatRecord,
  queueId: string | undefined,
): Promise<ServerFrame<"chatAssigned">> {
  const history = await deps.chats.listAllMessages(chat.chatId);
  const invite = chat.invite ?? {
    inviteId: "",
    invitedBy: chat.agentId ?? "",
    invitedByName: "",
    reason: "",
    createdAt: chat.createdAt,
    declinedBy: [],
    offers: 0,
  };
  return {
    type: "chatAssigned",
    requestId: frame.requestId,
    chatId: chat.chatId,
    queueId: queueId ?? chat.lastQueueId ?? "",
    context: inviteContext(chat, invite),
    history: history.map(({ seq, from, text, sentAt, redacted }) => ({ seq, from, text, sentAt, redacted })),
    kind: "conference",
  };
}
