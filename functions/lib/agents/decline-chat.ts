import { declineInvite, isInviteAnswer } from "../conference/accept-invite.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { ConflictError } from "../errors.ts";
import { releaseOffer } from "../handoff/release-offer.ts";
import type { Caller } from "../kernel/caller.ts";
import type { Needs } from "../kernel/ports.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { commitAndWake } from "../kernel/wake-workflow.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { heldOffer, OFFER_GONE } from "./held-offer.ts";

/** The offered agent passes: the offer and the slot are given back and the workflow re-offers at once. */
export async function declineChat(
  deps: Needs<"chats" | "queues" | "agents" | "transactions" | "handoff" | "sender" | "routing">,
  caller: Caller,
  frame: ClientFrame<"declineChat">,
): Promise<ServerFrame<"offerWithdrawn">> {
  const identity = requireStaff(caller);
  const current = await deps.chats.get(frame.chatId);
  if (isInviteAnswer(current, identity.sub)) return declineInvite(deps, caller, frame, current);
  const { chat, entry } = await heldOffer(deps, frame.chatId, identity.sub);
  const released = await retryOnConflict(
    async () => {
      if ((await releaseOffer(deps, entry, identity.sub)).released) return true;
      // Lost a race with the agent's own slot count: try again while the offer is still this agent's.
      const current = await deps.queues.get(entry.queueId, entry.sk);
      return current?.offeredTo === identity.sub ? RETRY : false;
    },
    { operation: "declineChat" },
  );
  if (!released) throw new ConflictError(OFFER_GONE);
  await commitAndWake(deps, chat.chatId, [], ["answerToken"], { outcome: "declined", agentId: identity.sub });
  return { type: "offerWithdrawn", requestId: frame.requestId, chatId: chat.chatId, reason: "declined" };
}
