import type { ChatRecord, Participant } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import type { TransactItem } from "../data/transaction.ts";
import { heldIndex } from "../data/watch-index.ts";
import { ConflictError } from "../errors.ts";
import { dispatch } from "../handoff/dispatcher.ts";
import { servedQueues } from "../handoff/served-queues.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { ACTIVE_STATES, requireActive, requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { announceLeft } from "./announce.ts";
import { participantRef, seatedStaff } from "./invite-context.ts";
import type { InvitePorts } from "./offer-invite.ts";

export type LeaveChatPorts = InvitePorts & Needs<"connections">;

export const LAST_AGENT =
  "You are the last agent in this chat: end it or transfer it instead, so the customer is never left waiting on nobody.";

/**
 * A staff participant leaves a chat that goes on without them. In one transaction they stop being a
 * participant and their slot is given back; when the holder leaves, the longest-seated invitee becomes
 * the holder (their conference slot becomes the holder's slot). The holder cannot leave when no invitee
 * remains (CONFLICT): the chat would be left with no one, so the holder ends or transfers it instead. A
 * staff participant without a slot (a supervisor who barged in) may always leave unless they hold it.
 */
export async function leaveChat(
  deps: LeaveChatPorts,
  caller: Caller,
  frame: ClientFrame<"leaveChat">,
): Promise<ServerFrame<"leftChat">> {
  const identity = requireStaff(caller);
  const { chat, leaver, successor } = await retryOnConflict(
    async () => {
      const current = await deps.chats.get(frame.chatId);
      requireParticipant(current, caller);
      requireActive(current);
      const participant = current.participants[identity.sub] as Participant;
      const holding = current.agentId === identity.sub;
      const next = holding ? seatedStaff(current, identity.sub)[0] : undefined;
      if (holding && !next) throw new ConflictError(LAST_AGENT);
      const items = await leaveItems(deps, current, identity.sub, participant, holding, next);
      return (await deps.transactions.commit(items))
        ? { chat: current, leaver: participant, successor: next }
        : RETRY;
    },
    { operation: "leaveChat" },
  );

  // Committed: the leaver's connections stop receiving the chat, the others are told.
  const { subscriptions } = await deps.chats.loadWithSubscribers(chat.chatId);
  await afterCommit("unsubscribeLeaver", () =>
    Promise.all(
      subscriptions
        .filter((subscription) => subscription.userId === identity.sub)
        .map((subscription) => deps.connections.unsubscribe(subscription.connectionId, [chat.chatId])),
    ),
  );
  const holderId = successor ?? chat.agentId;
  const holder = holderId ? chat.participants[holderId] : undefined;
  if (successor && holder)
    await afterCommit("holderChanged", async () => {
      const { subscriptions: staying } = await deps.chats.loadWithSubscribers(chat.chatId);
      await deps.sender.broadcast(
        staying.filter((subscription) => subscription.role !== "customer"),
        [{ type: "holderChanged", chatId: chat.chatId, holder: { id: successor, name: holder.name } }],
        { chatId: chat.chatId },
      );
    });
  await announceLeft(deps, chat, participantRef(identity.sub, leaver), holder?.name);
  if (leaver.conference || chat.agentId === identity.sub)
    await afterCommit("dispatchAfterLeave", async () => {
      const agent = await deps.agents.get(identity.sub);
      if (agent) await dispatch(deps, servedQueues(deps.routing, agent.queues));
    });
  return { type: "leftChat", requestId: frame.requestId, chatId: chat.chatId };
}

/** The chat change, conditioned on what was read, and the slot given back if the leaver held one. */
async function leaveItems(
  deps: LeaveChatPorts,
  chat: ChatRecord,
  leaverId: string,
  leaver: Participant,
  holding: boolean,
  successor: string | undefined,
): Promise<TransactItem[]> {
  const items: TransactItem[] = [
    deps.chats.updateItem(chat.chatId, {
      // The new holder's HELD list gets the chat, so the reconciler counts it among their slots.
      set: successor
        ? [["agentId", successor], ...heldIndex(successor, chat.chatId, new Date().toISOString())]
        : [],
      remove: [["participants", leaverId], ...(successor ? [["participants", successor, "conference"]] : [])],
      fromStates: holding ? ["assigned"] : ACTIVE_STATES,
      expectAgent: holding ? leaverId : undefined,
      expect: [
        { path: ["participants", leaverId], exists: true },
        ...(successor ? [{ path: ["participants", successor, "conference"], exists: true }] : []),
      ],
    }),
  ];
  if (holding || leaver.conference) {
    const agent = await deps.agents.get(leaverId);
    if (agent && agent.activeChats > 0) items.push(deps.agents.releaseSlotItem(agent));
  }
  return items;
}
