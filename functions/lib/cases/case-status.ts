import type { CaseStatus } from "../data/case-records.ts";

/**
 * Which status a case may move to from each status. A case is worked (`in-progress`), resolved, and
 * closed once nobody will act on it again; a resolved case can be reopened (back to `in-progress`)
 * when the customer comes back about it, a closed one cannot: new work on it is a new case.
 */
const NEXT: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ["in-progress", "resolved", "closed"],
  "in-progress": ["open", "resolved", "closed"],
  resolved: ["in-progress", "closed"],
  closed: [],
};

export const allowedNextStatuses = (from: CaseStatus): readonly CaseStatus[] => NEXT[from];

export const canMove = (from: CaseStatus, to: CaseStatus): boolean => NEXT[from].includes(to);

/** The status a chat's own case takes when the chat ends: the conversation is over, follow-up may reopen it. */
export const CHAT_END_STATUS: CaseStatus = "resolved";

/** The statuses from which the chat's end moves its case (staff may have resolved or closed it already). */
export const MOVED_BY_CHAT_END: readonly CaseStatus[] = ["open", "in-progress"];
