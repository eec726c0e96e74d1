import type { Caller } from "../kernel/caller.ts";
import { requireActive, requireParticipant } from "../kernel/chat-access.ts";
import { refuseMonitor } from "../kernel/monitor-access.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import { TYPING_INTERVAL_MS } from "../protocol/limits.ts";

/** Tells the other participants that the caller is typing; nothing is stored. */
export async function typing(
  deps: Needs<"chats" | "sender">,
  caller: Caller,
  frame: ClientFrame<"typing">,
): Promise<undefined> {
  const { chat, subscriptions } = await deps.chats.loadWithSubscribers(frame.chatId);
  refuseMonitor(chat, subscriptions, caller);
  requireParticipant(chat, caller);
  requireActive(chat);
  // Indicators faster than one a second tell nobody anything new: the excess is dropped, not refused
  // (after the access check, so a stranger is still told NOT_FOUND every time).
  if (!typingAllowed(caller.connectionId)) return undefined;
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

const lastTyping = new Map<string, number>();
const MAX_TRACKED = 10_000;

function typingAllowed(connectionId: string, now = Date.now()): boolean {
  const last = lastTyping.get(connectionId);
  if (last !== undefined && now - last < TYPING_INTERVAL_MS) return false;
  lastTyping.delete(connectionId);
  lastTyping.set(connectionId, now);
  if (lastTyping.size > MAX_TRACKED) lastTyping.delete(lastTyping.keys().next().value as string);
  return true;
}
