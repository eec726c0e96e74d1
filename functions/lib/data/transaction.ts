import { setTimeout as sleep } from "node:timers/promises";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { metrics } from "../metrics.ts";

/** One item of a TransactWriteItems call, as the stores build them. */
export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** Why a transaction was cancelled, item by item (DynamoDB's CancellationReasons). */
export type CancellationReasons = NonNullable<TransactionCanceledException["CancellationReasons"]>;

export type CommitResult = { committed: true } | { committed: false; reasons: CancellationReasons };

/**
 * Runs transaction items built by the stores. A cancelled transaction (a condition failed, or another
 * transaction touched the same items) is an answer, not an error: nothing was written, and the caller
 * re-reads and decides. Anything else (throttling after the SDK's own retries, a 5xx) throws.
 */
export async function commitItems(
  documents: DynamoDBDocumentClient,
  items: TransactItem[],
): Promise<CommitResult> {
  try {
    await documents.send(new TransactWriteCommand({ TransactItems: items }));
    return { committed: true };
  } catch (error) {
    if (error instanceof TransactionCanceledException)
      return { committed: false, reasons: error.CancellationReasons ?? [] };
    throw error;
  }
}

/**
 * Whether a cancelled transaction is worth running again as it is: it collided with another
 * transaction on one of its items (or was throttled) while none of its own conditions failed. The
 * items' conditions are evaluated afresh on the next run, so running it again is safe.
 */
export const collidedOnly = (reasons: CancellationReasons): boolean =>
  reasons.some((reason) => RETRYABLE_CODES.has(reason.Code ?? "")) &&
  !reasons.some((reason) => reason.Code === "ConditionalCheckFailed");

const RETRYABLE_CODES = new Set(["TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"]);

export interface CollisionRetry {
  /** How long a transaction that only collided is run again before it counts as not committed. */
  readonly budgetMs: number;
  readonly baseDelayMs: number;
}

const COLLISION_RETRY: CollisionRetry = { budgetMs: 2_000, baseDelayMs: 10 };

/**
 * Runs a transaction, and runs it again while it was cancelled only because another one touched the
 * same item at that moment (or it was throttled), with jittered backoff within the retry's budget: a
 * collision says nothing about the transaction's conditions, so it is never answered as "changed".
 * Any other cancellation (a condition failed) is answered at once, with its reasons.
 */
export async function commitRetryingCollisions(
  documents: DynamoDBDocumentClient,
  items: TransactItem[],
  retry: CollisionRetry = COLLISION_RETRY,
): Promise<CommitResult> {
  const deadline = Date.now() + retry.budgetMs;
  for (let tries = 0; ; tries += 1) {
    const result = await commitItems(documents, items);
    if (result.committed) return result;
    const delay = Math.random() * retry.baseDelayMs * 2 ** Math.min(tries, 6);
    if (!collidedOnly(result.reasons) || Date.now() + delay >= deadline) return result;
    metrics.addMetric("TransactionCollisions", "Count", 1);
    await sleep(delay);
  }
}

/** The transactions port: what use cases need to commit items from several stores at once. */
export class Transactions {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly retry: CollisionRetry = COLLISION_RETRY,
  ) {}

  /** True when every item was written; false when a condition failed and nothing was (collisions are retried). */
  async commit(items: TransactItem[]): Promise<boolean> {
    return (await commitRetryingCollisions(this.documents, items, this.retry)).committed;
  }
}
