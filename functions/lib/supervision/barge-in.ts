import { ConflictError } from "../errors.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { ACTIVE_STATES, participantOf, requireActive } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { postChatMessage } from "../kernel/post-chat-message.ts";
import { wordingFor } from "../language/wording/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { historyEntry, noteEntry } from "./note-frames.ts";
import { requireQueueAccess, requireSupervisor } from "./staff-access.ts";

export type BargeInPorts = Needs<"chats" | "notes" | "sender" | "transactions">;

/**
 * A supervisor joins the chat as a participant (role `supervisor` in the chat's `participants`), in one
 * transaction with this connection's subscription, which replaces a monitor subscription if there was
 * one. Then every participant gets `participantJoined` and the customer reads, in their language, that a
 * supervisor joined. A supervisor already in the chat is answered again without a second announcement.
 */
export async function bargeIn(
  deps: BargeInPorts,
  caller: Caller,
  frame: ClientFrame<"bargeIn">,
): Promise<ServerFrame<"bargedIn">> {
  const identity = requireSupervisor(caller);
  const chat = await deps.chats.get(frame.chatId);
  requireQueueAccess(chat, identity);
  requireActive(chat);
  const subscription = { connectionId: caller.connectionId, userId: identity.sub, role: identity.role };
  if (participantOf(chat, caller)) {
    await deps.chats.subscribe(chat.chatId, subscription);
    return joined(deps, frame, chat.chatId);
  }
  const committed = await deps.transactions.commit([
    deps.chats.updateItem(chat.chatId, {
      set: [
        [
          ["participants", identity.sub],
          { role: "supervisor", name: identity.name, joinedAt: new Date().toISOString() },
        ],
      ],
      fromStates: ACTIVE_STATES,
    }),
    ...deps.chats.subscribeItems(chat.chatId, subscription),
  ]);
  if (!committed) throw new ConflictError("The chat changed or ended; look at it again.");

  // Committed: the announcements are retried and never turn the barge-in into an error.
  await afterCommit("participantJoined", async () => {
    const { subscriptions } = await deps.chats.loadWithSubscribers(chat.chatId);
    await deps.sender.broadcast(
      subscriptions,
      [
        {
          type: "participantJoined",
          chatId: chat.chatId,
          participant: { role: "supervisor", id: identity.sub, name: identity.name },
        },
      ],
      { chatId: chat.chatId },
    );
  });
  await afterCommit("supervisorJoinedNotice", () =>
    postChatMessage(
      deps,
      chat.chatId,
      wordingFor(chat.assistant.language).handoff.supervisorJoined(identity.name),
    ),
  );
  return joined(deps, frame, chat.chatId);
}

async function joined(
  deps: Needs<"chats" | "notes">,
  frame: ClientFrame<"bargeIn">,
  chatId: string,
): Promise<ServerFrame<"bargedIn">> {
  const [history, notes] = await Promise.all([deps.chats.listAllMessages(chatId), deps.notes.list(chatId)]);
  return {
    type: "bargedIn",
    requestId: frame.requestId,
    chatId,
    history: history.map(historyEntry),
    notes: notes.map(noteEntry),
  };
}
