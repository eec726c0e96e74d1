import { ConflictError, ForbiddenError } from "../errors.ts";
import { startHandoff } from "../handoff/start-handoff.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireActive, requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { takeStartToken } from "../kernel/start-rate.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";

/**
 * A customer asks for a person: the handoff workflow routes and queues the chat and answers with
 * `queued` (carrying this request's id). Asking again while queued is harmless.
 */
export async function requestAgent(
  deps: Needs<"chats" | "transactions" | "handoff">,
  caller: Caller,
  frame: ClientFrame<"requestAgent">,
): Promise<undefined> {
  if (caller.identity.role !== "customer")
    throw new ForbiddenError("Only the customer can ask for an agent.");
  const chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  requireActive(chat);
  if (chat.state === "assigned") throw new ConflictError("An agent is already in this chat.");
  if (chat.state === "queued") return undefined;
  // Only a request that would start a workflow takes a token: a repeat while queued is free.
  takeStartToken(caller.identity.sub, "requestAgent");
  await startHandoff(deps, chat.chatId, chat.handoffs ?? 0, frame.requestId);
  return undefined;
}
