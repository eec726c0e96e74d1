import { logger } from "../logger.ts";
import { metrics } from "../metrics.ts";
import { closeIdleChats } from "./idle-chats.ts";
import {
  ABANDONMENT_KINDS,
  emptyTally,
  REPAIR_KINDS,
  type ReconcileReport,
  type ReconcilerPorts,
} from "./reconcile-types.ts";
import { repairAgents } from "./repair-agents.ts";
import { repairClosures } from "./repair-closures.ts";
import { repairQueues } from "./repair-queues.ts";

/**
 * One run of the reconciler (every minute on AWS, on an interval locally, `POST /dev/reconcile` in
 * tests): find and repair what a crash can leave, and say what it did. Closures first (they give
 * slots back), then the queues (offers, restarts, customers gone), then the agents' slot counts from
 * what both passes read, then idle chats. Every write is conditioned on what was read, so a run is
 * safe beside live traffic and beside another run.
 */
export async function reconcile(deps: ReconcilerPorts, now = Date.now()): Promise<ReconcileReport> {
  const tally = emptyTally();
  const failures = { count: 0 };
  const closing = await repairClosures(deps, tally, failures, now);
  const entries = await repairQueues(deps, tally, failures, now);
  const { agents, held } = await repairAgents(deps, tally, failures, { entries, closing });
  const open = await closeIdleChats(deps, tally, failures, held, now);

  const repairs = Object.fromEntries(
    REPAIR_KINDS.map((kind) => [kind, tally[kind]]),
  ) as ReconcileReport["repairs"];
  const presence = Object.fromEntries(
    ABANDONMENT_KINDS.map((kind) => [kind, tally[kind]]),
  ) as ReconcileReport["presence"];
  const total = Object.values(repairs).reduce((sum, count) => sum + count, 0);
  for (const kind of REPAIR_KINDS)
    if (tally[kind] > 0) metrics.addMetric(`Repair${kind}`, "Count", tally[kind]);
  for (const kind of ABANDONMENT_KINDS) if (tally[kind] > 0) metrics.addMetric(kind, "Count", tally[kind]);
  metrics.addMetric("ReconcilerRepairs", "Count", total);
  // The stack's abandonment alarm counts every queued customer who was given up on.
  if (tally.QueueAbandonedDisconnected > 0)
    metrics.addMetric("Abandoned", "Count", tally.QueueAbandonedDisconnected);
  if (failures.count > 0) metrics.addMetric("RepairsFailed", "Count", failures.count);
  const report: ReconcileReport = {
    repairs,
    presence,
    checked: { queueEntries: entries.length, closing: closing.length, agents, open },
    failures: failures.count,
  };
  if (total > 0 || failures.count > 0) logger.info("Reconciler repaired", { ...report });
  return report;
}
