import type { Caller } from "../chat/caller.ts";
import { ConflictError } from "../errors.ts";
import type { HandoffDependencies } from "../handoff/handoff-dependencies.ts";
import { releaseOffer } from "../handoff/release-offer.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { heldOffer, OFFER_GONE } from "./held-offer.ts";
import { requireStaff } from "./staff.ts";

/** The offered agent passes: the offer and the slot are given back and the workflow re-offers at once. */
export async function declineChat(
  deps: HandoffDependencies,
  caller: Caller,
  frame: ClientFrame<"declineChat">,
): Promise<ServerFrame<"offerWithdrawn">> {
  const identity = requireStaff(caller);
  const { chat, entry } = await heldOffer(deps, frame.chatId, identity.sub);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if ((await releaseOffer(deps, entry, identity.sub)).released) {
      const current = await deps.chats.get(chat.chatId);
      await deps.handoff.signal(current?.answerToken, { outcome: "declined", agentId: identity.sub });
      return { type: "offerWithdrawn", requestId: frame.requestId, chatId: chat.chatId, reason: "declined" };
    }
    const current = await deps.queues.get(entry.queueId, entry.sk);
    if (current?.offeredTo !== identity.sub) break;
  }
  throw new ConflictError(OFFER_GONE);
}
