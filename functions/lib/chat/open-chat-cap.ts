import { ConflictError } from "../errors.ts";
import type { Needs } from "../kernel/ports.ts";
import { metrics } from "../metrics.ts";
import { MAX_OPEN_CHATS_PER_CUSTOMER } from "../protocol/limits.ts";
import type { ChatState } from "../protocol/server-frames.ts";

/** States a chat can still be written to: a chat `closing` or `ended` does not count against the cap. */
const OPEN: readonly ChatState[] = ["assistant", "queued", "assigned"];

/**
 * A customer may hold MAX_OPEN_CHATS_PER_CUSTOMER open chats; `startChat` beyond that is `CONFLICT`
 * naming the way out (`listChats` lists them with their states, `endChat` frees one). The count is read
 * from gsi1, which is eventually consistent: starts sent at the same instant may pass it by the few in
 * flight, which the per-user start rate below bounds.
 */
export async function requireRoomForChat(
  deps: Needs<"userChats">,
  customerId: string,
  max = MAX_OPEN_CHATS_PER_CUSTOMER,
): Promise<void> {
  const recent = await deps.userChats.listRecent(customerId, Math.max(20, max * 4));
  const open = recent.filter((row) => OPEN.includes(row.state)).length;
  if (open < max) return;
  metrics.addMetric("OpenChatCapReached", "Count", 1);
  throw new ConflictError(
    `You already have ${open} open chats, the most allowed; end one (listChats shows them) to start another.`,
  );
}
