import { setTimeout as sleep } from "node:timers/promises";
import type { Caller } from "../kernel/caller.ts";
import type { Needs } from "../kernel/ports.ts";
import { logger } from "../logger.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { queueFigures, type SnapshotPorts, snapshotFrame, visibleTo } from "./queue-snapshot.ts";
import { requireSupervisor } from "./staff-access.ts";

/**
 * How often watchers get a snapshot. The ticker runs once a minute (EventBridge's finest schedule) and
 * pushes in rounds this far apart within the run (WATCH_ROUNDS_PER_MINUTE of them: 0 s, 8 s ... 56 s),
 * so the gap between two snapshots stays under 10 s, the next run's first round included.
 */
export const WATCH_INTERVAL_MS = 8_000;
export const WATCH_ROUNDS_PER_MINUTE = 8;

/** Registers this connection as a watcher of the queues its token grants, and answers with a snapshot. */
export async function watchQueues(
  deps: SnapshotPorts,
  caller: Caller,
  frame: ClientFrame<"watchQueues">,
): Promise<ServerFrame<"queueSnapshot">> {
  const identity = requireSupervisor(caller);
  await deps.supervision.watch({
    connectionId: caller.connectionId,
    userId: identity.sub,
    queues: identity.queues,
    since: new Date().toISOString(),
  });
  const now = Date.now();
  return snapshotFrame(visibleTo(identity, await queueFigures(deps, now)), now, frame.requestId);
}

export async function unwatchQueues(
  deps: Needs<"supervision">,
  caller: Caller,
  frame: ClientFrame<"unwatchQueues">,
): Promise<ServerFrame<"queuesUnwatched">> {
  requireSupervisor(caller);
  await deps.supervision.unwatch(caller.connectionId);
  return { type: "queuesUnwatched", requestId: frame.requestId };
}

export type PushPorts = SnapshotPorts & Needs<"sender" | "connections">;

/** One round: every watcher gets the queues its token grants. A watcher whose connection is gone is dropped. */
export async function pushSnapshots(deps: PushPorts, now = Date.now()): Promise<number> {
  const watchers = await deps.supervision.watchers();
  if (watchers.length === 0) return 0;
  const figures = await queueFigures(deps, now);
  const delivered = await Promise.all(
    watchers.map(async (watcher) => {
      if (await deps.sender.send(watcher.connectionId, [snapshotFrame(visibleTo(watcher, figures), now)]))
        return 1;
      if (!(await deps.connections.get(watcher.connectionId)))
        await deps.supervision.unwatch(watcher.connectionId);
      return 0;
    }),
  );
  return delivered.reduce<number>((sum, count) => sum + count, 0);
}

/** `rounds` rounds WATCH_INTERVAL_MS apart from the start, each one's failure logged and the next kept. */
export async function pushSnapshotRounds(deps: PushPorts, rounds: number): Promise<number> {
  const start = Date.now();
  let pushed = 0;
  for (let round = 0; round < rounds; round += 1) {
    const due = start + round * WATCH_INTERVAL_MS;
    if (due > Date.now()) await sleep(due - Date.now());
    try {
      pushed += await pushSnapshots(deps);
    } catch (error) {
      logger.warn("Queue snapshot round failed", { round, error: (error as Error).name });
    }
  }
  return pushed;
}
