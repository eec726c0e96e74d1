import type { CaseHistoryEntry } from "../data/case-records.ts";
import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Needs } from "../kernel/ports.ts";
import { publishEvents } from "../kernel/publish-events.ts";
import { caseStatusChangedEvent } from "./case-events.ts";
import { CHAT_END_STATUS, MOVED_BY_CHAT_END } from "./case-status.ts";

/**
 * When a chat ends, its own case moves to `resolved` (CHAT_END_STATUS) by the system, unless staff
 * already resolved or closed it; staff can reopen it or close it later. The closure may run twice:
 * `chatEndedAt` on the case makes the move happen once. Run after the chat is `ended` and never
 * thrown: a failed move leaves the case open, which staff can still move.
 */
export function settleChatCase(deps: Needs<"cases" | "events">, chat: ChatRecord): Promise<void> {
  const { caseNumber } = chat;
  if (!caseNumber) return Promise.resolve();
  return afterCommit("settleChatCase", () =>
    retryOnConflict(
      async () => {
        const record = await deps.cases.get(caseNumber);
        if (!record || record.chatEndedAt || !MOVED_BY_CHAT_END.includes(record.status)) return undefined;
        const entry: CaseHistoryEntry = {
          status: CHAT_END_STATUS,
          at: chat.endedAt ?? new Date().toISOString(),
          note: "Chat ended",
          by: { role: "system" },
        };
        if (!(await deps.cases.changeStatus(caseNumber, record.status, entry, true))) return RETRY;
        await publishEvents(deps, [caseStatusChangedEvent(record, record.status, entry)]);
        return undefined;
      },
      { operation: "settleChatCase", budgetMs: 3_000 },
    ),
  );
}
