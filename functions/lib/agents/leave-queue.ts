import type { AgentRecord, QueueEntry } from "../data/agent-records.ts";
import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { ConflictError, ForbiddenError } from "../errors.ts";
import { type DispatchPorts, dispatch } from "../handoff/dispatcher.ts";
import { publishQueueStatus } from "../handoff/queue-status.ts";
import { servedQueues } from "../handoff/served-queues.ts";
import { updateStatsQuietly } from "../handoff/stats.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireActive, requireParticipant } from "../kernel/chat-access.ts";
import { ASSISTANT, postChatMessage } from "../kernel/post-chat-message.ts";
import { commitAndWake } from "../kernel/wake-workflow.ts";
import { queueWordingFor } from "../language/queue-wording.ts";
import { logger } from "../logger.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { recordAbandoned } from "../queueing/index.ts";

export type LeaveQueuePorts = DispatchPorts;

/**
 * The waiting customer leaves the queue (v2 `leaveQueue`) and stays with the virtual assistant. One
 * transaction moves the chat back to `assistant` (conditioned on it still being queued), deletes the
 * queue entry (conditioned on it being where the chat says, so an overflow or an accept that came first
 * wins) and gives an offered agent's slot back; then the handoff workflow is woken with `abandoned` and
 * ends, the agent is told the offer is withdrawn, and the queue's statistics count an abandonment by
 * choice. A repeat for the same handoff answers `leftQueue` again and changes nothing; `requestAgent`
 * later starts a new handoff.
 */
export async function leaveQueue(
  deps: LeaveQueuePorts,
  caller: Caller,
  frame: ClientFrame<"leaveQueue">,
): Promise<ServerFrame<"leftQueue"> | undefined> {
  if (caller.identity.role !== "customer") throw new ForbiddenError("Only the customer can leave the queue.");
  const reply: ServerFrame<"leftQueue"> = {
    type: "leftQueue",
    requestId: frame.requestId,
    chatId: frame.chatId,
  };
  const left = await retryOnConflict(
    async () => {
      const chat = await deps.chats.get(frame.chatId);
      requireParticipant(chat, caller);
      requireActive(chat);
      if (alreadyLeft(chat)) return undefined;
      if (chat.state !== "queued" || !chat.queue)
        throw new ConflictError(
          chat.state === "assigned"
            ? "An agent is already in this chat."
            : "This chat is not waiting for an agent.",
        );
      const entry = await deps.queues.get(chat.queue.queueId, chat.queue.sk);
      const agent = entry?.offeredTo ? await deps.agents.get(entry.offeredTo) : undefined;
      const items = [
        deps.chats.updateItem(chat.chatId, {
          set: [
            ["state", "assistant"],
            ["leftQueueHandoff", chat.handoffs ?? 0],
          ],
          remove: ["queue"],
          fromStates: ["queued"],
        }),
      ];
      if (entry) items.push(deps.queues.deleteItem(entry, entry.offeredTo));
      if (agent) items.push(deps.agents.releaseSlotItem(agent));
      // Whichever wait the workflow is in ends; the other token is stale and its signal is ignored.
      const done = await commitAndWake(deps, chat.chatId, items, ["answerToken", "waitToken"], {
        outcome: "abandoned",
      });
      return done ? { chat, queueId: chat.queue.queueId, entry, agent } : RETRY;
    },
    { operation: "leaveQueue" },
  );
  if (!left) return reply;
  logger.info("Customer left the queue", { chatId: left.chat.chatId, queueId: left.queueId });
  // The reply goes out before the assistant's message about it.
  await deps.sender.send(caller.connectionId, [reply]);
  await afterLeaving(deps, left);
  return undefined;
}

/** The customer already left this handoff's queue: a repeat (or a race with itself) changes nothing. */
const alreadyLeft = (chat: ChatRecord) =>
  chat.state === "assistant" &&
  chat.leftQueueHandoff !== undefined &&
  chat.leftQueueHandoff === (chat.handoffs ?? 0);

interface Left {
  readonly chat: ChatRecord;
  readonly queueId: string;
  readonly entry: QueueEntry | undefined;
  readonly agent: AgentRecord | undefined;
}

/** Committed: every effect is retried and none turns the reply into an error. */
async function afterLeaving(deps: LeaveQueuePorts, { chat, queueId, entry, agent }: Left): Promise<void> {
  if (agent) {
    await afterCommit("offerWithdrawn", () =>
      deps.sender.sendToUser(agent.agentId, [
        { type: "offerWithdrawn", chatId: chat.chatId, reason: "abandoned" },
      ]),
    );
    await afterCommit("dispatch", () => dispatch(deps, servedQueues(deps.routing, agent.queues)));
  }
  if (entry) {
    const waited = (Date.now() - Date.parse(entry.enqueuedAt)) / 1000;
    await afterCommit("recordLeftQueue", () =>
      updateStatsQuietly(deps, queueId, (stats) => ({
        ...recordAbandoned(stats, waited, new Date()),
        leftByChoice: (stats.leftByChoice ?? 0) + 1,
      })),
    );
  }
  await afterCommit("publishQueueStatus", () => publishQueueStatus(deps, queueId));
  await afterCommit("leftQueueNotice", () =>
    postChatMessage(deps, chat.chatId, queueWordingFor(chat.assistant.language).leftQueue, ASSISTANT),
  );
}
