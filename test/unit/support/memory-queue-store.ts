import type { QueueEntry } from "../../../functions/lib/data/agent-records.ts";
import type { QueueStore } from "../../../functions/lib/data/queue-store.ts";
import { RETRY, retryOnConflict } from "../../../functions/lib/data/retry-on-conflict.ts";
import type { TransactItem } from "../../../functions/lib/data/transaction.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";
import { initialStats } from "../../../functions/lib/queueing/update-stats.ts";
import type { QueueStats } from "../../../functions/lib/queueing/wait-types.ts";
import { copy, type MemoryTable, memoryItem } from "./memory-table.ts";

/** The queue store over the in-memory table, with the conditions of functions/lib/data/queue-store.ts. */
export class MemoryQueueStore implements PortOf<QueueStore> {
  constructor(private readonly table: MemoryTable) {}

  async get(queueId: string, sk: string): Promise<QueueEntry | undefined> {
    const entry = this.table.queue(queueId).get(sk);
    return entry && copy(entry);
  }

  /** Entries in sort-key order: the head of the queue first. */
  async list(queueId: string): Promise<QueueEntry[]> {
    return copy([...this.table.queue(queueId).values()].sort((a, b) => a.sk.localeCompare(b.sk)));
  }

  putItem(entry: QueueEntry): TransactItem {
    return memoryItem("Put", `${entry.queueId}/${entry.sk}`, {
      check: () => !this.table.queue(entry.queueId).has(entry.sk),
      apply: () => this.table.queue(entry.queueId).set(entry.sk, copy(entry)),
    });
  }

  offerItem(entry: QueueEntry, agentId: string, expiresAt: string): TransactItem {
    return this.updateEntry(
      entry,
      (stored) => stored.state === "waiting" && !stored.declinedBy?.has(agentId),
      (stored) => ({ ...stored, state: "offered", offeredTo: agentId, offerExpiresAt: expiresAt }),
    );
  }

  releaseOfferItem(entry: QueueEntry, agentId: string): TransactItem {
    return this.updateEntry(
      entry,
      (stored) => stored.offeredTo === agentId,
      ({ offeredTo: _agent, offerExpiresAt: _expires, ...stored }) => ({
        ...stored,
        state: "waiting",
        declinedBy: new Set(stored.declinedBy ?? []).add(agentId),
      }),
    );
  }

  reminderSentItem(entry: QueueEntry): TransactItem {
    return this.updateEntry(
      entry,
      (stored) => stored.remindAt !== undefined,
      ({ remindAt: _remindAt, ...stored }) => stored,
    );
  }

  deleteItem(entry: QueueEntry, offeredTo?: string): TransactItem {
    const entries = () => this.table.queue(entry.queueId);
    return memoryItem("Delete", `${entry.queueId}/${entry.sk}`, {
      check: () => {
        const stored = entries().get(entry.sk);
        return offeredTo ? stored?.offeredTo === offeredTo : stored !== undefined;
      },
      apply: () => entries().delete(entry.sk),
    });
  }

  async recordEstimate(entry: QueueEntry, position: number, estimate: number | null): Promise<void> {
    const stored = this.table.queue(entry.queueId).get(entry.sk);
    if (!stored) return;
    this.table.queue(entry.queueId).set(entry.sk, {
      ...stored,
      lastPosition: position,
      lastEstimateSeconds: estimate,
      lastStatusAt: new Date().toISOString(),
    });
  }

  async remove(entry: Pick<QueueEntry, "queueId" | "sk">): Promise<QueueEntry | undefined> {
    const stored = this.table.queue(entry.queueId).get(entry.sk);
    this.table.queue(entry.queueId).delete(entry.sk);
    return stored && copy(stored);
  }

  async stats(queueId: string): Promise<QueueStats> {
    return copy(this.table.stats.get(queueId)?.stats ?? initialStats());
  }

  /** Read-modify-write guarded by a version, retried on a lost race as the real store does. */
  updateStats(queueId: string, update: (stats: QueueStats) => QueueStats): Promise<void> {
    return retryOnConflict(
      async () => {
        const read = this.table.stats.get(queueId);
        // A real read is a round trip: let a racing updater run in between, as it could.
        await Promise.resolve();
        const stats = update(copy(read?.stats ?? initialStats()));
        const written = this.table.commit([
          memoryItem("Put", `${queueId}/STATS`, {
            check: () => this.table.stats.get(queueId)?.version === read?.version,
            apply: () =>
              this.table.stats.set(queueId, { stats: copy(stats), version: (read?.version ?? 0) + 1 }),
          }),
        ]);
        return written.committed ? undefined : RETRY;
      },
      { operation: "updateStats" },
    );
  }

  private updateEntry(
    entry: QueueEntry,
    condition: (stored: QueueEntry) => boolean,
    change: (stored: QueueEntry) => QueueEntry,
  ): TransactItem {
    const entries = () => this.table.queue(entry.queueId);
    return memoryItem("Update", `${entry.queueId}/${entry.sk}`, {
      check: () => {
        const stored = entries().get(entry.sk);
        return stored !== undefined && condition(stored);
      },
      apply: () => entries().set(entry.sk, change(copy(entries().get(entry.sk) as QueueEntry))),
    });
  }
}
