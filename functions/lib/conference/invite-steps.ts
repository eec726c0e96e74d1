import type { ChatState } from "../protocol/server-frames.ts";
import {
  currentInvite,
  endInvite,
  type InvitePorts,
  type InviteRef,
  type InviteStatus,
  offerInvite,
  releaseInviteOffer,
} from "./offer-invite.ts";

const ANY_STATE: readonly ChatState[] = ["assistant", "queued", "assigned", "closing", "ended"];

/**
 * AwaitInviteAnswer (.waitForTaskToken): parks the workflow until the invitee accepts or declines, or the
 * offer times out. The token is written first and the invitation read after, the protocol of the handoff's
 * own waits (wait-tasks.ts): an answer given before the token was stored is seen here and answered at once.
 */
export async function awaitInviteAnswer(deps: InvitePorts, ref: InviteRef, taskToken: string): Promise<void> {
  const stored = await deps.transactions.commit([
    deps.chats.updateItem(ref.chatId, {
      set: [[["invite", "answerToken"], taskToken]],
      fromStates: ANY_STATE,
      expect: [
        { path: ["invite", "inviteId"], equals: ref.inviteId },
        { path: ["invite", "offeredTo"], exists: true },
      ],
    }),
  ]);
  if (stored && (await currentInvite(deps, ref))?.invite.offeredTo) return;
  // Accepted (the invitation is gone) or let go (nobody holds it): ExpireInvite sorts out which.
  const accepted = !(await currentInvite(deps, ref));
  await deps.handoff.signal(
    taskToken,
    accepted ? { outcome: "accepted", agentId: "" } : { outcome: "declined", agentId: "" },
  );
}

/**
 * After the invitee's offer timed out or was declined: take the offer back if they still hold it (and
 * tell them), then offer the next eligible agent of the queue at once. A named agent is not replaced:
 * the invitation ends and the inviter hears it was not accepted.
 */
export async function expireInvite(deps: InvitePorts, ref: InviteRef): Promise<InviteStatus> {
  const found = await currentInvite(deps, ref);
  if (!found) return { status: "inviteEnded" };
  const holder = found.invite.offeredTo;
  if (holder && (await releaseInviteOffer(deps, ref, holder)))
    await deps.sender.sendToUser(holder, [{ type: "offerWithdrawn", chatId: ref.chatId, reason: "expired" }]);
  const after = await currentInvite(deps, ref);
  if (!after) return { status: "inviteEnded" };
  if (after.invite.agentId && !after.invite.offeredTo)
    return endInvite(deps, after.chat, after.invite, "notAccepted");
  return offerInvite(deps, ref);
}
