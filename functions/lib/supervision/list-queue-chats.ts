import type { ChatRecord } from "../data/records.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { ACTIVE_STATES } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { chatQueueId, grantsQueue, requireSupervisor } from "./staff-access.ts";

type ChatRow = ServerFrame<"queueChats">["chats"][number];

/**
 * The chats a supervisor may supervise now: those waiting in the queues their token grants (the queue
 * entries) and those an agent took from them (the LIVE# hints written at accept). Every hint is checked
 * against the chat itself, read in batches: a chat that ended or moved to another queue is left out,
 * and its stale hint deleted.
 */
export async function listQueueChats(
  deps: Needs<"queues" | "supervision" | "routing">,
  caller: Caller,
  frame: ClientFrame<"listQueueChats">,
): Promise<ServerFrame<"queueChats">> {
  const identity = requireSupervisor(caller);
  const queues = deps.routing.queues.map((queue) => queue.id).filter((id) => grantsQueue(identity, id));
  const perQueue = await Promise.all(
    queues.map(async (queueId) => {
      const [entries, live] = await Promise.all([
        deps.queues.list(queueId),
        deps.supervision.liveChats(queueId),
      ]);
      return [...entries.map((entry) => entry.chatId), ...live.map((hint) => hint.chatId)].map((chatId) => ({
        chatId,
        queueId,
      }));
    }),
  );
  const hints = perQueue.flat();
  const chats = new Map(
    (await deps.supervision.chats([...new Set(hints.map((hint) => hint.chatId))])).map((chat) => [
      chat.chatId,
      chat,
    ]),
  );
  const rows = new Map<string, ChatRow>();
  for (const hint of hints) {
    const chat = chats.get(hint.chatId);
    if (chat && ACTIVE_STATES.includes(chat.state) && chatQueueId(chat) === hint.queueId)
      rows.set(chat.chatId, toRow(chat));
    // A hint whose chat ended or moved on: deleting it is housekeeping, retried and never an error.
    else
      await afterCommit("forgetLiveChat", () => deps.supervision.forgetLiveChat(hint.queueId, hint.chatId));
  }
  return {
    type: "queueChats",
    requestId: frame.requestId,
    chats: [...rows.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
  };
}

function toRow(chat: ChatRecord): ChatRow {
  const participants = Object.entries(chat.participants).flatMap(([id, participant]) =>
    participant.role === "agent" || participant.role === "supervisor"
      ? [{ id, name: participant.name, role: participant.role }]
      : [],
  );
  return {
    chatId: chat.chatId,
    state: chat.state,
    ...(chatQueueId(chat) ? { queueId: chatQueueId(chat) } : {}),
    customerName: chat.customer.name,
    ...(chat.assistant.topic ? { topic: chat.assistant.topic } : {}),
    language: chat.assistant.language,
    startedAt: chat.createdAt,
    participants,
  };
}
