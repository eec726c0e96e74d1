import type { QueueEntry } from "../data/agent-records.ts";
import type { Needs } from "../kernel/ports.ts";

/**
 * What an accepted chat tells the supervisors: it is in progress in its queue (a LIVE# hint for
 * listQueueChats), and how far the wait the customer was last told was off. The last estimate was made
 * at `lastStatusAt`; the customer was answered now, so the error is |waited since then - estimate|.
 * A chat never given a number (no honest estimate, null) adds no sample.
 */
export async function recordAccepted(
  deps: Needs<"supervision">,
  entry: QueueEntry,
  now = Date.now(),
): Promise<void> {
  await deps.supervision.trackLiveChat({
    chatId: entry.chatId,
    queueId: entry.queueId,
    since: new Date(now).toISOString(),
  });
  const error = estimateError(entry, now);
  if (error !== undefined)
    await deps.supervision.count(entry.queueId, { estimateErrorSum: error, estimateSamples: 1 }, now);
}

export function estimateError(entry: QueueEntry, now: number): number | undefined {
  const estimate = entry.lastEstimateSeconds;
  if (typeof estimate !== "number" || !Number.isFinite(estimate)) return undefined;
  const toldAt = Date.parse(entry.lastStatusAt ?? entry.queuedAt);
  if (!Number.isFinite(toldAt)) return undefined;
  const waitedSince = Math.max(0, (now - toldAt) / 1000);
  return Math.round(Math.abs(waitedSince - estimate) * 10) / 10;
}
