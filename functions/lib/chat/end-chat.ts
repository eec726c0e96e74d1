import { ChatClosedError } from "../errors.ts";
import { type AbandonPorts, abandonQueue } from "../handoff/abandon.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

/** A closure that has not finished after this long is presumed failed and may be started again. */
const STUCK_CLOSURE_MS = 60_000;

/**
 * Ends a chat: the chat moves to `closing` (no more messages), and the chat-closure workflow assigns
 * the case number, writes the summary and sends `chatEnded` to every participant.
 */
export async function endChat(
  deps: AbandonPorts & Needs<"closures" | "closure">,
  caller: Caller,
  frame: ClientFrame<"endChat">,
): Promise<ServerFrame<"chatEnding">> {
  const chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  if (chat.state === "ended") {
    // A closure that ended the chat but failed before giving the agent's slot back is run again.
    if (chat.agentId) await deps.closure.start(chat.chatId, caller.identity.sub, Date.now());
    throw new ChatClosedError("This chat has already ended.");
  }
  if (chat.state === "queued") await abandonQueue(deps, chat);
  if (await deps.closures.markClosing(chat.chatId, caller.identity.sub)) {
    await deps.closure.start(chat.chatId, caller.identity.sub, 0);
  } else if (chat.state === "closing" && Date.now() - Date.parse(chat.updatedAt) > STUCK_CLOSURE_MS) {
    await deps.closure.start(chat.chatId, caller.identity.sub, Date.now());
  }
  return { type: "chatEnding", requestId: frame.requestId, chatId: chat.chatId };
}
