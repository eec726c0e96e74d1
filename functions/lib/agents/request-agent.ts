import type { Caller } from "../chat/caller.ts";
import { requireActive, requireParticipant } from "../chat/chat-access.ts";
import { ConflictError, ForbiddenError } from "../errors.ts";
import type { HandoffDependencies } from "../handoff/handoff-dependencies.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";

/**
 * A customer asks for a person: the handoff workflow routes and queues the chat and answers with
 * `queued` (carrying this request's id). Asking again while queued is harmless.
 */
export async function requestAgent(
  deps: HandoffDependencies,
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
  await startHandoff(deps, chat.chatId, chat.handoffs ?? 0, frame.requestId);
  return undefined;
}

export async function startHandoff(
  deps: HandoffDependencies,
  chatId: string,
  previous: number,
  requestId?: string,
) {
  const handoffs = previous + 1;
  const counted = await deps.chats.transact([
    deps.chats.updateItem(chatId, { set: { handoffs }, fromStates: ["assistant"] }),
  ]);
  if (!counted) return;
  await deps.handoff.start({ chatId, requestId, reason: "request" }, handoffs);
}
