import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";

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

/** The transactions port: what use cases need to commit items from several stores at once. */
export class Transactions {
  constructor(private readonly documents: DynamoDBDocumentClient) {}

  /** True when every item was written; false when a condition failed and nothing was. */
  async commit(items: TransactItem[]): Promise<boolean> {
    return (await commitItems(this.documents, items)).committed;
  }
}
