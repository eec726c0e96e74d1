import type { QueueEntry } from "../data/agent-records.ts";
import type { ChatRecord } from "../data/records.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import type { Needs } from "../kernel/ports.ts";

export const OFFER_GONE =
  "This offer has expired or been withdrawn, and the chat has been offered again; it is not yours to take.";

/** The chat and its queue entry, provided the offer is currently held by `agentId`. */
export async function heldOffer(
  deps: Needs<"chats" | "queues">,
  chatId: string,
  agentId: string,
): Promise<{ chat: ChatRecord; entry: QueueEntry }> {
  const chat = await deps.chats.get(chatId);
  if (!chat || (!chat.queue && chat.state !== "assigned")) throw new NotFoundError("No such offer.");
  const entry = chat.queue ? await deps.queues.get(chat.queue.queueId, chat.queue.sk) : undefined;
  // An answer that lost the race with the offer's timeout or with another agent's accept (which may
  // have removed the entry since the chat was read): the chat is no longer this agent's to take.
  if (!entry || entry.offeredTo !== agentId) throw new ConflictError(OFFER_GONE);
  return { chat, entry };
}
