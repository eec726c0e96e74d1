import { CLOSING_CHATS, watchSk } from "../data/keys.ts";
import type { WatchedChat } from "../data/oversight-store.ts";
import { logger } from "../logger.ts";
import { guarded } from "./guarded.ts";
import type { ReconcilerPorts, Tally } from "./reconcile-types.ts";

/** Who restarts a closure nobody finished. */
export const RECONCILER_ACTOR = "carechat-reconciler";

/**
 * The CLOSING list, read whole: a closure takes seconds, so only the stuck ones stay on it. A chat
 * listed longer than the settle time is either done but not taken off (FinishClosure failed: it is
 * taken off now) or still owes its summary, its notice or its agent's slot: the closure runs again,
 * every step of it idempotent. Returns the list, whose chats still hold their agents' slots.
 */
export async function repairClosures(
  deps: ReconcilerPorts,
  tally: Tally,
  failures: { count: number },
  now: number,
): Promise<WatchedChat[]> {
  const closing = await deps.oversight.listWatched(CLOSING_CHATS);
  const cutoff = watchSk(new Date(now - deps.settings.settleSeconds * 1000).toISOString(), "");
  for (const chat of closing) {
    if ((chat.gsi2sk ?? "") >= cutoff) continue;
    await guarded(failures, `closure of ${chat.chatId}`, async () => {
      if (chat.state === "ended" && !chat.agentId) {
        if (await deps.closures.finish(chat.chatId)) tally.ClosureFinished += 1;
        return;
      }
      if (!(await deps.oversight.countClosureRestart(chat, new Date(now).toISOString()))) return;
      await deps.closure.start(
        chat.chatId,
        chat.endedBy ?? RECONCILER_ACTOR,
        (chat.closureRestarts ?? 0) + 1,
      );
      logger.info("Closure restarted", {
        chatId: chat.chatId,
        state: chat.state,
        holdsAgent: Boolean(chat.agentId),
      });
      tally.ClosureRestarted += 1;
    });
  }
  return closing;
}
