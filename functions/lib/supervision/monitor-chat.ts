import type { Caller } from "../kernel/caller.ts";
import { participantOf, requireActive } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { historyEntry, noteEntry } from "./note-frames.ts";
import { chatQueueId, requireQueueAccess, requireSupervisor } from "./staff-access.ts";

/**
 * A supervisor watches a chat silently. The connection is subscribed with `audience: "monitor"` first
 * (so nothing sent from then on is missed), then it gets the history and the notes so far. Nothing
 * else is written: the chat's `participants`, its messages and its `seq` are untouched, no frame goes
 * to anyone else, so the customer cannot tell. A supervisor who barged in keeps their participant
 * subscription and is simply given the history.
 */
export async function monitorChat(
  deps: Needs<"chats" | "notes">,
  caller: Caller,
  frame: ClientFrame<"monitorChat">,
): Promise<ServerFrame<"monitoring">> {
  const identity = requireSupervisor(caller);
  const chat = await deps.chats.get(frame.chatId);
  requireQueueAccess(chat, identity);
  requireActive(chat);
  if (!participantOf(chat, caller))
    await deps.chats.subscribe(chat.chatId, {
      connectionId: caller.connectionId,
      userId: identity.sub,
      role: identity.role,
      audience: "monitor",
    });
  const [history, notes] = await Promise.all([
    deps.chats.listAllMessages(chat.chatId),
    deps.notes.list(chat.chatId),
  ]);
  return {
    type: "monitoring",
    requestId: frame.requestId,
    chatId: chat.chatId,
    state: chat.state,
    queueId: chatQueueId(chat),
    history: history.map(historyEntry),
    notes: notes.map(noteEntry),
  };
}

/** Ends this connection's monitoring of the chat; a participant's subscription is left alone. */
export async function stopMonitoring(
  deps: Needs<"chats" | "connections">,
  caller: Caller,
  frame: ClientFrame<"stopMonitoring">,
): Promise<ServerFrame<"monitoringStopped">> {
  requireSupervisor(caller);
  const { chat, subscriptions } = await deps.chats.loadWithSubscribers(frame.chatId);
  const mine = subscriptions.find(
    (subscription) =>
      subscription.connectionId === caller.connectionId && subscription.audience === "monitor",
  );
  if (chat && mine) await deps.connections.unsubscribe(caller.connectionId, [chat.chatId]);
  return { type: "monitoringStopped", requestId: frame.requestId, chatId: frame.chatId };
}
