import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Asks DynamoDB for the capacity each data-plane call consumed (`ReturnConsumedCapacity: "TOTAL"`)
 * through a middleware the bench adds to the handlers' own document client: production code never
 * asks, so its requests and responses are unchanged. Each call's units are filed as read or write by
 * its operation (on demand bills RRU and WRU apart); a response without `ConsumedCapacity` is counted
 * as such, so the report can say which figures DynamoDB Local returned and which it did not.
 */
export interface CapacityTally {
  readUnits: number;
  writeUnits: number;
  calls: Record<string, { count: number; units: number; withoutCapacity: number }>;
}

const READS = new Set(["GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems"]);
const WRITES = new Set(["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"]);

/** lib-dynamodb's command names, should a context carry them rather than the low-level ones. */
const DOCUMENT_ALIASES: Record<string, string> = {
  Get: "GetItem",
  Put: "PutItem",
  Update: "UpdateItem",
  Delete: "DeleteItem",
  BatchGet: "BatchGetItem",
  BatchWrite: "BatchWriteItem",
  TransactGet: "TransactGetItems",
  TransactWrite: "TransactWriteItems",
};

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };

export const emptyTally = (): CapacityTally => ({ readUnits: 0, writeUnits: 0, calls: {} });

/** Adds the middleware once; `tally()` returns the units counted since the last `reset()`. */
export function countConsumedCapacity(client: DynamoDBDocumentClient) {
  let current = emptyTally();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? "").replace(/Command$/, "");
      const operation = DOCUMENT_ALIASES[name] ?? name;
      const known = READS.has(operation) || WRITES.has(operation);
      if (known) (args.input as Record<string, unknown>).ReturnConsumedCapacity = "TOTAL";
      const result = await next(args);
      if (!known) return result;
      const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
      const consumed = [output.ConsumedCapacity ?? []].flat();
      const units = consumed.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
      current.calls[operation] ??= { count: 0, units: 0, withoutCapacity: 0 };
      const row = current.calls[operation];
      row.count += 1;
      row.units += units;
      if (consumed.length === 0) row.withoutCapacity += 1;
      if (READS.has(operation)) current.readUnits += units;
      else current.writeUnits += units;
      return result;
    },
    { step: "initialize", name: "benchConsumedCapacity", priority: "high" },
  );
  return {
    reset: () => {
      current = emptyTally();
    },
    tally: (): CapacityTally => current,
  };
}
