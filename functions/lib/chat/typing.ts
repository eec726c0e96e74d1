import type { Caller } from "../kernel/caller.ts";
import { requireActive, requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";

/** Tells the other participants that the caller is typing; nothing is stored. */
export async function typing(
  deps: Needs<"chats" | "sender">,
  caller: Caller,
  frame: ClientFrame<"typing">,
): Promise<undefined> {
  const { chat, subscriptions } = await deps.chats.loadWithSubscribers(frame.chatId);
  requireParticipant(chat, caller);
  requireActive(chat);
  const { identity } = caller;
  await deps.sender.broadcast(
    subscriptions,
    [
      {
        type: "typing",
        chatId: chat.chatId,
        from: { role: identity.role, id: identity.sub, name: identity.name },
      },
    ],
    { chatId: chat.chatId, excludeUserId: identity.sub },
  );
  return undefined;
}
