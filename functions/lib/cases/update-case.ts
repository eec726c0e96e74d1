import type { CaseHistoryEntry } from "../data/case-records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { ConflictError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import type { Needs } from "../kernel/ports.ts";
import { publishEvents } from "../kernel/publish-events.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { maskFreeText } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { readableCase } from "./case-access.ts";
import { caseStatusChangedEvent } from "./case-events.ts";
import { allowedNextStatuses, canMove } from "./case-status.ts";
import { toCaseFrame } from "./case-view.ts";

/**
 * Staff move a case to another status, with an optional note (masked), and the history records who
 * did it and when. A move the current status does not allow (closed is final; see case-status.ts) is
 * CONFLICT and changes nothing. The write is conditioned on the status it was read in: a racing
 * update re-reads and is judged against the status it finds.
 */
export async function updateCase(
  deps: Needs<"cases" | "chats" | "events">,
  caller: Caller,
  frame: ClientFrame<"updateCase">,
): Promise<ServerFrame<"case">> {
  const staff = requireStaff(caller);
  const note = frame.note?.trim() ? maskFreeText(frame.note, { field: "note" }).text : undefined;
  return retryOnConflict(
    async () => {
      const { record } = await readableCase(deps, frame.caseNumber, staff);
      if (!canMove(record.status, frame.status)) {
        const allowed = allowedNextStatuses(record.status);
        throw new ConflictError(
          `A case that is ${record.status} cannot become ${frame.status}` +
            (allowed.length ? `; it can become ${allowed.join(", ")}.` : ": it is final."),
        );
      }
      const entry: CaseHistoryEntry = {
        status: frame.status,
        at: new Date().toISOString(),
        ...(note ? { note } : {}),
        by: { role: staff.role, id: staff.sub, name: staff.name },
      };
      if (!(await deps.cases.changeStatus(record.caseNumber, record.status, entry))) return RETRY;
      const updated = {
        ...record,
        status: entry.status,
        updatedAt: entry.at,
        history: [...record.history, entry],
      };
      await publishEvents(deps, [caseStatusChangedEvent(updated, record.status, entry)]);
      return toCaseFrame(updated, staff, frame.requestId);
    },
    { operation: "updateCase" },
  );
}
