import { OPEN_CHATS, watchSk } from "../data/keys.ts";
import type { WatchedChat } from "../data/oversight-store.ts";
import { postChatMessage } from "../kernel/post-chat-message.ts";
import { wordingFor } from "../language/wording/index.ts";
import { logger } from "../logger.ts";
import { guarded, secondsSince } from "./guarded.ts";
import type { ReconcilerPorts, Tally } from "./reconcile-types.ts";

/** Who ends a chat nobody wrote in. */
export const IDLE_ACTOR = "carechat-idle";

/**
 * Chats nobody wrote in: listed (OPEN, or an agent's HELD list) before the warning time. The list's
 * sort key is when the chat was listed, not its last message, so a candidate whose chat has moved
 * since is listed again at its last change and not read until it could be idle. A quiet chat gets
 * the warning (a system message every participant sees); if nobody writes after it, it closes after
 * `idleWarningSeconds` with its summary, through the closure workflow.
 */
export async function closeIdleChats(
  deps: ReconcilerPorts,
  tally: Tally,
  failures: { count: number },
  held: readonly WatchedChat[],
  now: number,
): Promise<number> {
  const { idleSeconds, idleWarningSeconds } = deps.settings;
  if (idleSeconds <= 0) return 0;
  const quietFor = Math.max(0, idleSeconds - idleWarningSeconds);
  const cutoff = watchSk(new Date(now - quietFor * 1000).toISOString(), "");
  const open = await deps.oversight.listWatched(OPEN_CHATS, cutoff);
  const candidates = [...open, ...held.filter((chat) => (chat.gsi2sk ?? "") < cutoff)];
  for (const chat of candidates)
    await guarded(failures, `idle check of ${chat.chatId}`, () => judge(deps, chat, tally, quietFor, now));
  return candidates.length;
}

async function judge(deps: ReconcilerPorts, chat: WatchedChat, tally: Tally, quietFor: number, now: number) {
  const { idleWarningSeconds } = deps.settings;
  const active = chat.state === "assistant" || chat.state === "assigned";
  const warned = active && chat.idleWarnedSeq === chat.lastSeq && chat.idleWarnedAt !== undefined;
  if (warned && secondsSince(chat.idleWarnedAt, now) >= idleWarningSeconds) {
    if (!(await deps.closures.markClosing(chat.chatId, IDLE_ACTOR))) return;
    await deps.closure.start(chat.chatId, IDLE_ACTOR, 0);
    logger.info("Idle chat closed", { chatId: chat.chatId });
    tally.IdleChatClosed += 1;
    return;
  }
  if (warned) return;
  if (active && secondsSince(chat.updatedAt, now) >= quietFor) {
    if (!(await deps.oversight.claimIdleWarning(chat.chatId, chat.lastSeq))) return;
    const minutes = Math.max(1, Math.round(idleWarningSeconds / 60));
    const text = wordingFor(chat.assistant.language).handoff.idleWarning(minutes);
    if (await postChatMessage(deps, chat.chatId, text)) tally.IdleChatWarned += 1;
    return;
  }
  // Busy (or waiting in a queue, which is not idleness): not read again until it could be idle.
  await deps.oversight.relist(chat, active ? chat.updatedAt : new Date(now).toISOString());
}
