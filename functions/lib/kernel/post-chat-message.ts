import type { MessageRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import type { ParticipantRole } from "../protocol/server-frames.ts";
import { ACTIVE_STATES } from "./chat-access.ts";
import { toMessageFrame } from "./message-frames.ts";
import type { Needs } from "./ports.ts";

export type MessageAuthor = { role: ParticipantRole; id?: string; name?: string };

export const SYSTEM: MessageAuthor = { role: "system" };
export const ASSISTANT: MessageAuthor = { role: "assistant", name: "Virtual assistant" };

/**
 * Stores a message that the system (or the assistant) writes into a chat, with the next seq, and
 * delivers it to every subscribed connection. Returns undefined if the chat has ended.
 */
export function postChatMessage(
  deps: Needs<"chats" | "sender">,
  chatId: string,
  text: string,
  from: MessageAuthor = SYSTEM,
): Promise<MessageRecord | undefined> {
  return retryOnConflict(
    async () => {
      const { chat, subscriptions } = await deps.chats.loadWithSubscribers(chatId);
      if (!chat || !ACTIVE_STATES.includes(chat.state)) return undefined;
      const result = await deps.chats.append({
        chat,
        messages: [{ from, text, sentAt: new Date().toISOString(), redacted: false }],
        allowedStates: ACTIVE_STATES,
      });
      if (result.kind !== "stored") return RETRY;
      await deps.sender.broadcast(
        subscriptions,
        result.messages.map((message) => toMessageFrame(chatId, message)),
        { chatId },
      );
      return result.messages[0];
    },
    { operation: "postChatMessage" },
  );
}
