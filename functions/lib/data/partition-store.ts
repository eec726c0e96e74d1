import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  paginateQuery,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";

/** The key of one item, and the expiry it has now (absent: kept until deleted). */
export interface StoredKey {
  readonly pk: string;
  readonly sk: string;
  readonly expiresAt?: number;
}

export interface ExpiryChange {
  readonly pk: string;
  readonly sk: string;
  readonly expiresAt: number;
}

const BATCH_WRITE_LIMIT = 25;
/** Parallel single-item updates: enough to close a long chat in a second, few enough to stay polite. */
const UPDATE_CONCURRENCY = 16;
const UNPROCESSED_RETRIES = 8;

/**
 * Whole-partition work for retention and erasure: list every item of a partition (keys and expiry only,
 * paged with the SDK's paginator), set expiries, delete. None of it is on a chat's hot path.
 */
export class PartitionStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Every item of partition `pk`, strongly consistent, so nothing written before the call is missed. */
  async keys(pk: string): Promise<StoredKey[]> {
    const keys: StoredKey[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": pk },
        ProjectionExpression: "pk, sk, expiresAt",
        ConsistentRead: true,
      },
    );
    for await (const page of pages) keys.push(...((page.Items ?? []) as StoredKey[]));
    return keys;
  }

  /**
   * Sets each item's `expiresAt`. Only items that still exist are touched (an UpdateItem on a missing key
   * would create a stub); returns how many were updated.
   */
  async expire(changes: readonly ExpiryChange[]): Promise<number> {
    let updated = 0;
    const queue = [...changes];
    const worker = async () => {
      for (let change = queue.shift(); change; change = queue.shift()) {
        if (await this.setExpiry(change)) updated += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(UPDATE_CONCURRENCY, queue.length) }, worker));
    return updated;
  }

  /** Deletes the items in batches of 25, retrying what DynamoDB leaves unprocessed. */
  async remove(keys: readonly Pick<StoredKey, "pk" | "sk">[]): Promise<void> {
    for (let start = 0; start < keys.length; start += BATCH_WRITE_LIMIT) {
      let requests = keys
        .slice(start, start + BATCH_WRITE_LIMIT)
        .map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }));
      for (let attempt = 0; requests.length > 0; attempt += 1) {
        if (attempt > UNPROCESSED_RETRIES)
          throw new Error("DynamoDB left deletes unprocessed after retries.");
        if (attempt > 0) await new Promise((done) => setTimeout(done, 50 * 2 ** attempt));
        const { UnprocessedItems } = await this.documents.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  private async setExpiry({ pk, sk, expiresAt }: ExpiryChange): Promise<boolean> {
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk, sk },
          UpdateExpression: "SET expiresAt = :at",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":at": expiresAt },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }
}
