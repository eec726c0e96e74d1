import { acceptInvite, isInviteAnswer } from "../conference/accept-invite.ts";
import type { OfferContext } from "../data/agent-records.ts";
import type { ChatRecord } from "../data/records.ts";
import { heldIndex } from "../data/watch-index.ts";
import { ConflictError } from "../errors.ts";
import { publishQueueStatus } from "../handoff/queue-status.ts";
import { updateStatsQuietly } from "../handoff/stats.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { newestHistoryPage } from "../kernel/history-page.ts";
import type { Needs } from "../kernel/ports.ts";
import { postChatMessage } from "../kernel/post-chat-message.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { commitAndWake } from "../kernel/wake-workflow.ts";
import { wordingFor } from "../language/wording/index.ts";
import { metrics } from "../metrics.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { recordAnswered } from "../queueing/index.ts";
import { recordAccepted } from "../supervision/record-accepted.ts";
import { heldOffer, OFFER_GONE } from "./held-offer.ts";

export type AcceptPorts = Needs<
  "chats" | "queues" | "agents" | "transactions" | "handoff" | "sender" | "routing" | "supervision"
>;

/**
 * The offered agent takes the chat: one transaction removes the queue entry (only while this agent
 * holds the offer), makes the agent a participant and subscribes this connection. The agent gets the
 * history and context, the customer `agentJoined`, and the workflow is woken.
 */
export async function acceptChat(
  deps: AcceptPorts,
  caller: Caller,
  frame: ClientFrame<"acceptChat">,
): Promise<ServerFrame<"chatAssigned">> {
  const identity = requireStaff(caller);
  const current = await deps.chats.get(frame.chatId);
  if (isInviteAnswer(current, identity.sub)) return acceptInvite(deps, caller, frame, current);
  // An accept that was committed but whose reply was lost: answer it again rather than "No such offer".
  const replay = await acceptedBefore(deps, caller, frame, current);
  if (replay) return replay;
  const held = await heldOffer(deps, frame.chatId, identity.sub).catch(async (error: unknown) => {
    // A copy of this accept committed between the read above and this one: answer like a retry.
    const again = await acceptedBefore(deps, caller, frame);
    if (again) return again;
    throw error;
  });
  if ("type" in held) return held;
  const { chat, entry } = held;
  const now = new Date().toISOString();
  const accepted = await commitAndWake(
    deps,
    chat.chatId,
    [
      deps.queues.deleteItem(entry, identity.sub),
      deps.chats.updateItem(chat.chatId, {
        set: [
          ["state", "assigned"],
          ["agentId", identity.sub],
          ["lastQueueId", entry.queueId],
          ["assignedFrom", { queueId: entry.queueId, context: entry.context }],
          [["participants", identity.sub], { role: identity.role, name: identity.name, joinedAt: now }],
          ...heldIndex(identity.sub, chat.chatId, now),
        ],
        remove: ["queue"],
        fromStates: ["queued"],
      }),
      ...deps.chats.subscribeItems(chat.chatId, {
        connectionId: caller.connectionId,
        userId: identity.sub,
        role: identity.role,
      }),
    ],
    ["answerToken"],
    { outcome: "accepted", agentId: identity.sub },
  );
  // The same accept sent twice at once: the one that lost the race answers like a retry.
  if (!accepted) {
    const again = await acceptedBefore(deps, caller, frame);
    if (again) return again;
    throw new ConflictError(OFFER_GONE);
  }

  // Committed: from here on every effect is retried and none can turn the accept into an error.
  metrics.addMetric(
    "WaitSeconds",
    "Seconds",
    Math.max(0, (Date.now() - Date.parse(entry.enqueuedAt)) / 1000),
  );
  await afterCommit("recordAnswered", () =>
    updateStatsQuietly(deps, entry.queueId, (stats) =>
      recordAnswered(stats, (Date.now() - Date.parse(entry.enqueuedAt)) / 1000, new Date()),
    ),
  );
  await afterCommit("recordAcceptForSupervisors", () => recordAccepted(deps, entry));
  await deps.sender.sendToUser(chat.customer.id, [
    { type: "agentJoined", chatId: chat.chatId, agent: { id: identity.sub, name: identity.name } },
  ]);
  await afterCommit("agentJoinedNotice", () =>
    postChatMessage(deps, chat.chatId, wordingFor(chat.assistant.language).handoff.joined(identity.name)),
  );
  await afterCommit("publishQueueStatus", () => publishQueueStatus(deps, entry.queueId));
  return assigned(deps, frame, chat.chatId, entry.queueId, entry.context);
}

/**
 * An accept that was committed but whose reply was lost answers again rather than "No such offer". Its
 * effects may never have run (a crash right after the commit), so those safe to repeat run again: the
 * workflow is woken (a stale token is ignored) and the customer told (a second agentJoined is harmless).
 */
async function acceptedBefore(
  deps: AcceptPorts,
  caller: Caller,
  frame: ClientFrame<"acceptChat">,
  known?: ChatRecord,
): Promise<ServerFrame<"chatAssigned"> | undefined> {
  const { identity } = caller;
  const current = known ?? (await deps.chats.get(frame.chatId));
  if (current?.state !== "assigned" || current.agentId !== identity.sub || !current.assignedFrom)
    return undefined;
  await afterCommit("wakeAfterAccept", () =>
    deps.handoff.signal(current.answerToken, { outcome: "accepted", agentId: identity.sub }),
  );
  await deps.sender.sendToUser(current.customer.id, [
    { type: "agentJoined", chatId: current.chatId, agent: { id: identity.sub, name: identity.name } },
  ]);
  return assigned(deps, frame, current.chatId, current.assignedFrom.queueId, current.assignedFrom.context);
}

async function assigned(
  deps: Needs<"chats">,
  frame: ClientFrame<"acceptChat">,
  chatId: string,
  queueId: string,
  context: OfferContext,
): Promise<ServerFrame<"chatAssigned">> {
  const page = newestHistoryPage(await deps.chats.listAllMessages(chatId));
  return { type: "chatAssigned", requestId: frame.requestId, chatId, queueId, context, ...page };
}
