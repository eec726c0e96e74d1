import { ForbiddenError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

/** Enough for "open and recent" without paging: a customer rarely has more than a few chats a month. */
export const MAX_LISTED_CHATS = 20;

/**
 * A customer's open and recent chats, newest first, so a client that lost its state (a reloaded
 * page) can `resume` them. Only the caller's own chats are read: the key is the token's `sub`.
 */
export async function listChats(
  deps: Needs<"userChats">,
  caller: Caller,
  frame: ClientFrame<"listChats">,
): Promise<ServerFrame<"chats">> {
  if (caller.identity.role !== "customer") throw new ForbiddenError("Only customers list their chats.");
  const rows = await deps.userChats.listRecent(caller.identity.sub, MAX_LISTED_CHATS);
  return {
    type: "chats",
    requestId: frame.requestId,
    chats: rows.map((row) => ({
      chatId: row.chatId,
      state: row.state,
      ...(row.caseNumber ? { caseNumber: row.caseNumber } : {}),
      startedAt: row.createdAt,
      lastSeq: row.lastSeq,
    })),
  };
}
