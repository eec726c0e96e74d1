import type { TransactItem, Transactions } from "../../../functions/lib/data/transaction.ts";
import type { PortOf, Ports } from "../../../functions/lib/kernel/ports.ts";
import type { InMemoryWorld } from "./in-memory-ports.ts";

export interface TransactionHooks {
  /** Runs just before the n-th commit (0-based): another writer getting in first. */
  readonly before?: (commit: number) => void;
  /** Runs just after a commit that succeeded: another writer right behind. */
  readonly after?: (commit: number) => void;
}

/**
 * The world's ports with a transactions port that lets a test interleave another writer around each
 * commit, to show what a use case reads before its write and what after.
 */
export function withTransactionHooks(world: InMemoryWorld, hooks: TransactionHooks): Ports {
  let commits = 0;
  const transactions: PortOf<Transactions> = {
    async commit(items: TransactItem[]) {
      const commit = commits++;
      hooks.before?.(commit);
      const committed = await world.ports.transactions.commit(items);
      if (committed) hooks.after?.(commit);
      return committed;
    },
  };
  return { ...world.ports, transactions };
}
