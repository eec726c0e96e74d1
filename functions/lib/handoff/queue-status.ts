import type { AgentRecord, QueueEntry } from "../data/agent-records.ts";
import type { Needs } from "../kernel/ports.ts";
import { languageFromLocale, sameLanguage } from "../language/languages.ts";
import { metrics } from "../metrics.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { estimateWaitSeconds, formatWait } from "../queueing/index.ts";
import type { EligibleAgent, QueueStats } from "../queueing/wait-types.ts";
import { mayTake } from "./eligibility.ts";

/** A waiting customer hears about their place at least this often, even when nothing changed. */
export const STATUS_INTERVAL_MS = 60_000;

export interface WaitPicture {
  readonly position: number;
  readonly estimatedWaitSeconds: number | null;
  readonly estimatedWaitText: string;
}

/** Everyone who could take chats from this queue now or soon: signed in, serving it, speaking the language. */
export function eligibleAgents(deps: Needs<"routing">, online: readonly AgentRecord[], entry: QueueEntry) {
  return online
    .filter(
      (agent) =>
        mayTake(agent, entry) &&
        (agent.queues.includes("*") || agent.queues.includes(entry.queueId)) &&
        agent.languages.some((spoken) => sameLanguage(spoken, entry.language)),
    )
    .map(
      (agent): EligibleAgent => ({
        maxChats: agent.maxChats,
        activeChats: agent.activeChats,
        status: agent.status === "available" ? "available" : "away",
        share:
          1 /
          Math.min(
            4,
            Math.max(1, agent.queues.includes("*") ? deps.routing.queues.length : agent.queues.length),
          ),
      }),
    );
}

export function picture(
  deps: Needs<"routing">,
  entry: QueueEntry,
  position: number,
  online: readonly AgentRecord[],
  stats: QueueStats,
): WaitPicture {
  const waitedSeconds = Math.max(0, (Date.now() - Date.parse(entry.enqueuedAt)) / 1000);
  const estimatedWaitSeconds = estimateWaitSeconds({
    position,
    agents: eligibleAgents(deps, online, entry),
    stats,
    waitedSeconds,
  });
  const language = languageFromLocale(entry.language);
  // The text is made from the number the customer is sent, so the two never disagree.
  const seconds = estimatedWaitSeconds === null ? null : Math.round(estimatedWaitSeconds);
  return { position, estimatedWaitSeconds: seconds, estimatedWaitText: formatWait(seconds, language) };
}

/**
 * Tells each customer waiting in the queue their position and estimate when either changed as they
 * read it, or when they last heard more than STATUS_INTERVAL_MS ago (the ticker's bounded interval).
 */
export async function publishQueueStatus(
  deps: Needs<"queues" | "agents" | "sender" | "routing">,
  queueId: string,
): Promise<number> {
  return (await publishQueueFigures(deps, queueId)).pushed;
}

/** publishQueueStatus, with the queue's depth and longest current wait (for the ticker's metrics). */
async function publishQueueFigures(
  deps: Needs<"queues" | "agents" | "sender" | "routing">,
  queueId: string,
): Promise<{ pushed: number; waiting: number; longestWaitSeconds: number }> {
  const [entries, online, stats] = await Promise.all([
    deps.queues.list(queueId),
    deps.agents.listOnline(),
    deps.queues.stats(queueId),
  ]);
  const now = Date.now();
  let pushed = 0;
  await Promise.all(
    entries.map(async (entry, index) => {
      const current = picture(deps, entry, index + 1, online, stats);
      const language = languageFromLocale(entry.language);
      const changed =
        entry.lastPosition !== current.position ||
        formatWait(entry.lastEstimateSeconds ?? null, language) !== current.estimatedWaitText;
      const stale = now - Date.parse(entry.lastStatusAt ?? entry.queuedAt) >= STATUS_INTERVAL_MS;
      if (!changed && !stale) return;
      const frame: ServerFrame<"queueStatus"> = {
        type: "queueStatus",
        chatId: entry.chatId,
        queueId,
        ...current,
      };
      await deps.sender.sendToUser(entry.customerId, [frame]);
      await deps.queues.recordEstimate(entry, current.position, current.estimatedWaitSeconds);
      pushed += 1;
    }),
  );
  const oldest = Math.min(now, ...entries.map((entry) => Date.parse(entry.queuedAt)));
  return { pushed, waiting: entries.length, longestWaitSeconds: Math.max(0, (now - oldest) / 1000) };
}

/** Every configured queue's customers, once: the ticker's bounded-interval update. One query per queue. */
export async function publishAllQueueStatus(deps: Needs<"queues" | "agents" | "sender" | "routing">) {
  const figures = await Promise.all(deps.routing.queues.map((queue) => publishQueueFigures(deps, queue.id)));
  // The ticker's once-a-minute figures: what the QueueDepth and LongestWait alarms read.
  metrics.addMetric(
    "QueueDepth",
    "Count",
    figures.reduce((sum, each) => sum + each.waiting, 0),
  );
  metrics.addMetric(
    "LongestWaitSeconds",
    "Seconds",
    Math.max(0, ...figures.map((each) => each.longestWaitSeconds)),
  );
  return figures.reduce((sum, each) => sum + each.pushed, 0);
}
