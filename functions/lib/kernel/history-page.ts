import type { MessageRecord } from "../data/records.ts";

/**
 * What of a chat's history goes into one server message (`chatAssigned`): API Gateway sends no server
 * message over 128 KB, so the history carried inline stops at this many bytes of JSON, leaving room for
 * the frame's other fields (the offer context, ids).
 */
export const MAX_HISTORY_BYTES = 96 * 1024;

export type HistoryEntry = Pick<MessageRecord, "seq" | "from" | "text" | "sentAt" | "redacted">;

export interface HistoryPage {
  /** The newest messages that fit, oldest first. */
  readonly history: HistoryEntry[];
  /** False when older messages were left out: the client pages them with `getTranscript`. */
  readonly historyComplete: boolean;
  /** The first seq carried; `getTranscript {afterSeq: 0}` and on returns the older ones, up to this one. */
  readonly historyFromSeq?: number;
}

/** The newest page of a history under `maxBytes` (at least the newest message, whatever its size). */
export function newestHistoryPage(
  messages: readonly MessageRecord[],
  maxBytes = MAX_HISTORY_BYTES,
): HistoryPage {
  const history: HistoryEntry[] = [];
  let bytes = 2;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const { seq, from, text, sentAt, redacted } = messages[index] as MessageRecord;
    const entry = { seq, from, text, sentAt, redacted };
    bytes += Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (bytes > maxBytes && history.length > 0) break;
    history.unshift(entry);
  }
  const historyComplete = history.length === messages.length;
  return historyComplete
    ? { history, historyComplete }
    : { history, historyComplete, historyFromSeq: history[0]?.seq };
}
