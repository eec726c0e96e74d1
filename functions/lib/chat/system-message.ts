import type { MessageRecord } from "../data/records.ts";
import type { ParticipantRole } from "../protocol/server-frames.ts";
import type { ChatDependencies } from "./chat-dependencies.ts";
import { toMessageFrame } from "./frames.ts";

const MAX_ATTEMPTS = 8;

/**
 * Stores a message that the system (or the assistant) writes into a chat, with the next seq, and
 * delivers it to every subscribed connection. Returns undefined if the chat has ended.
 */
export async function postChatMessage(
  deps: ChatDependencies,
  chatId: string,
  text: string,
  from: { role: ParticipantRole; id?: string; name?: string } = { role: "system" },
): Promise<MessageRecord | undefined> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const { chat, subscriptions } = await deps.chats.loadWithSubscribers(chatId);
    if (!chat || chat.state === "ended" || chat.state === "closing") return undefined;
    const result = await deps.chats.append({
      chat,
      messages: [{ from, text, sentAt: new Date().toISOString(), redacted: false }],
      allowedStates: ["assistant", "queued", "assigned"],
    });
    if (result.kind === "stored") {
      await deps.sender.broadcast(
        subscriptions,
        result.messages.map((message) => toMessageFrame(chatId, message)),
        { chatId },
      );
      return result.messages[0];
    }
  }
  throw new Error(`Could not add a message to chat ${chatId}.`);
}
