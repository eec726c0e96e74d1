import type { AgentRecord } from "../data/agent-records.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { grantsQueue } from "./staff-access.ts";

export type QueueFigures = ServerFrame<"queueSnapshot">["queues"][number];
export type SnapshotPorts = Needs<"queues" | "agents" | "supervision" | "routing">;

/**
 * Staff who serve the queue, by what they can do now: available with a free slot, available with every
 * slot taken (busy), or away. Offline staff are not signed in and not counted.
 */
export function staffOf(online: readonly AgentRecord[], queueId: string): QueueFigures["agents"] {
  const serving = online.filter((agent) => agent.queues.includes("*") || agent.queues.includes(queueId));
  const counts = { available: 0, away: 0, busy: 0 };
  for (const agent of serving) {
    if (agent.status === "away") counts.away += 1;
    else if (agent.status === "available")
      counts[agent.activeChats < agent.maxChats ? "available" : "busy"] += 1;
  }
  return counts;
}

/**
 * The figures of every configured queue, computed once per round for all watchers: per queue one
 * Query of its entries and one of its last hour's windows, plus one Query of the signed-in staff.
 */
export async function queueFigures(deps: SnapshotPorts, now = Date.now()): Promise<QueueFigures[]> {
  const online = await deps.agents.listOnline();
  return Promise.all(
    deps.routing.queues.map(async (queue): Promise<QueueFigures> => {
      const [entries, hour] = await Promise.all([
        deps.queues.list(queue.id),
        deps.supervision.lastHour(queue.id, now),
      ]);
      const longest = entries.reduce((max, entry) => Math.max(max, now - Date.parse(entry.enqueuedAt)), 0);
      return {
        queueId: queue.id,
        waiting: entries.length,
        longestWaitSeconds: Math.max(0, Math.round(longest / 1000)),
        agents: staffOf(online, queue.id),
        offersTimedOut: hour.offersTimedOut,
        abandoned: hour.abandoned,
        ...(hour.estimateSamples > 0
          ? { estimateErrorSeconds: Math.round((hour.estimateErrorSum / hour.estimateSamples) * 10) / 10 }
          : {}),
        estimateSamples: hour.estimateSamples,
      };
    }),
  );
}

/** Only the queues the supervisor's token grants (`["*"]`: all of them). */
export const visibleTo = (
  identity: { readonly queues: readonly string[] },
  figures: readonly QueueFigures[],
) => figures.filter((queue) => grantsQueue(identity, queue.queueId));

export const snapshotFrame = (
  queues: QueueFigures[],
  now = Date.now(),
  requestId?: string,
): ServerFrame<"queueSnapshot"> => ({
  type: "queueSnapshot",
  ...(requestId ? { requestId } : {}),
  at: new Date(now).toISOString(),
  queues,
});
