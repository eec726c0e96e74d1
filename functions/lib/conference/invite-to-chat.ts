import type { PendingInvite } from "../data/invite-records.ts";
import type { ChatRecord } from "../data/records.ts";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { participantOf } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { maskSensitive, newUnmaskedId } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { findQueue } from "../routing/find-queue.ts";
import { candidatesFor } from "./offer-invite.ts";

export type InviteToChatPorts = Needs<"chats" | "agents" | "transactions" | "handoff" | "routing">;

/**
 * An invitation the workflow never picked up (its start failed past its retries) stops blocking a new
 * one after this long: well past any queue's offer timeout.
 */
const ABANDONED_INVITE_MS = 10 * 60_000;

/**
 * The holder brings another agent into the chat: a queue's eligible agent or one named agent. The
 * invitation goes on the chat (at most one at a time), and the handoff workflow offers it (its invite
 * states): an offer that times out moves to the next eligible agent of the queue. Refused up front when
 * nobody could be offered it now, so the holder knows at once rather than after a timeout.
 */
export async function inviteToChat(
  deps: InviteToChatPorts,
  caller: Caller,
  frame: ClientFrame<"inviteToChat">,
): Promise<ServerFrame<"inviteSent">> {
  const identity = requireStaff(caller);
  const chat = await deps.chats.get(frame.chatId);
  if (!chat || !participantOf(chat, caller)) throw new NotFoundError();
  if (chat.agentId !== identity.sub || chat.state !== "assigned")
    throw new ForbiddenError("Only the agent holding the chat can invite someone into it.");
  if ((frame.queueId === undefined) === (frame.agentId === undefined))
    throw new BadRequestError("Name either a queueId or an agentId to invite.");
  if (frame.queueId !== undefined && !findQueue(deps.routing, frame.queueId))
    throw new BadRequestError(`There is no queue "${frame.queueId}".`);
  if (frame.agentId !== undefined && Object.hasOwn(chat.participants, frame.agentId))
    throw new ConflictError("That agent is already in this chat.");
  const pending = chat.invite;
  if (pending && Date.now() - Date.parse(pending.createdAt) < ABANDONED_INVITE_MS)
    throw new ConflictError("An invitation for this chat is already pending.");

  const invite: PendingInvite = {
    inviteId: newUnmaskedId(),
    invitedBy: identity.sub,
    invitedByName: identity.name,
    ...(frame.queueId !== undefined ? { queueId: frame.queueId } : { agentId: frame.agentId }),
    reason: maskSensitive(frame.reason).text,
    createdAt: new Date().toISOString(),
    declinedBy: [],
    offers: 0,
  };
  if ((await candidatesFor(deps, chat, invite)).length === 0)
    throw new ConflictError(
      invite.agentId
        ? "That agent is not available to join now."
        : "No agent of that queue is available to join now.",
    );
  await commitInvite(deps, chat, invite, pending);
  // Committed: the workflow offers it. A start that still fails leaves an invitation that expires.
  await afterCommit("startInvite", () =>
    deps.handoff.start({ chatId: chat.chatId, inviteId: invite.inviteId }, 0),
  );
  return {
    type: "inviteSent",
    requestId: frame.requestId,
    chatId: chat.chatId,
    inviteId: invite.inviteId,
    queueId: invite.queueId,
    agentId: invite.agentId,
  };
}

async function commitInvite(
  deps: InviteToChatPorts,
  chat: ChatRecord,
  invite: PendingInvite,
  abandoned: PendingInvite | undefined,
) {
  const committed = await deps.transactions.commit([
    deps.chats.updateItem(chat.chatId, {
      set: [["invite", invite]],
      fromStates: ["assigned"],
      expectAgent: invite.invitedBy,
      // An abandoned invitation is replaced only while nobody holds an offer (and a slot) of it.
      expect: abandoned
        ? [
            { path: ["invite", "inviteId"], equals: abandoned.inviteId },
            { path: ["invite", "offeredTo"], exists: false },
          ]
        : [{ path: "invite", exists: false }],
    }),
  ]);
  if (!committed) throw new ConflictError("The chat changed meanwhile; try again.");
}
