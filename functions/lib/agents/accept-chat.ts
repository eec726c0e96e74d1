import type { Caller } from "../chat/caller.ts";
import { postChatMessage } from "../chat/system-message.ts";
import { ConflictError } from "../errors.ts";
import type { HandoffDependencies } from "../handoff/handoff-dependencies.ts";
import { handoffText } from "../handoff/handoff-text.ts";
import { publishQueueStatus } from "../handoff/queue-status.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { recordAnswered } from "../queueing/index.ts";
import { heldOffer, OFFER_GONE } from "./held-offer.ts";
import { requireStaff } from "./staff.ts";

/**
 * The offered agent takes the chat: one transaction removes the queue entry (only while this agent
 * holds the offer), makes the agent a participant and subscribes this connection. The agent gets the
 * history and context, the customer `agentJoined`, and the workflow is woken.
 */
export async function acceptChat(
  deps: HandoffDependencies,
  caller: Caller,
  frame: ClientFrame<"acceptChat">,
): Promise<ServerFrame<"chatAssigned">> {
  const identity = requireStaff(caller);
  const { chat, entry } = await heldOffer(deps, frame.chatId, identity.sub);
  const now = new Date().toISOString();
  const accepted = await deps.chats.transact([
    deps.queues.deleteItem(entry, identity.sub),
    deps.chats.updateItem(chat.chatId, {
      set: {
        state: "assigned",
        agentId: identity.sub,
        lastQueueId: entry.queueId,
        [`participants.${identity.sub}`]: { role: identity.role, name: identity.name, joinedAt: now },
      },
      remove: ["queue"],
      fromStates: ["queued"],
    }),
    ...deps.chats.subscribeItems(chat.chatId, {
      connectionId: caller.connectionId,
      userId: identity.sub,
      role: identity.role,
    }),
  ]);
  if (!accepted) throw new ConflictError(OFFER_GONE);

  const assigned = await deps.chats.get(chat.chatId);
  await deps.handoff.signal(assigned?.answerToken, { outcome: "accepted", agentId: identity.sub });
  await deps.queues.updateStats(entry.queueId, (stats) =>
    recordAnswered(stats, (Date.now() - Date.parse(entry.enqueuedAt)) / 1000, new Date()),
  );
  await deps.sender.sendToUser(chat.customer.id, [
    { type: "agentJoined", chatId: chat.chatId, agent: { id: identity.sub, name: identity.name } },
  ]);
  await postChatMessage(deps, chat.chatId, handoffText(chat.assistant.language).joined(identity.name));
  await publishQueueStatus(deps, entry.queueId);
  const history = await deps.chats.listAllMessages(chat.chatId);
  return {
    type: "chatAssigned",
    requestId: frame.requestId,
    chatId: chat.chatId,
    queueId: entry.queueId,
    context: entry.context,
    history: history.map(({ seq, from, text, sentAt, redacted }) => ({ seq, from, text, sentAt, redacted })),
  };
}
