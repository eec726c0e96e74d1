import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";
import { localCredentials } from "../../../local/dynamodb-local.ts";
import { readRuntimeFile } from "../../../local/runtime-file.ts";
import type { LocalProcess } from "./local-process.ts";

export type TableItem = Record<string, unknown> & { pk: string; sk: string };

/**
 * Every item of a running local runtime's table, found through the runtime file `npm start` writes into
 * its data directory. Tests may scan; the runtime never does.
 */
export async function scanLocalTable(stack: LocalProcess): Promise<TableItem[]> {
  const runtime = readRuntimeFile(stack.dataDir);
  if (!runtime) throw new Error(`No runtime file in ${stack.dataDir}: is the local runtime up?`);
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: runtime.dynamodbEndpoint,
      region: "us-east-1",
      credentials: localCredentials,
    }),
  );
  const items: TableItem[] = [];
  try {
    for await (const page of paginateScan({ client }, { TableName: runtime.tableName, ConsistentRead: true }))
      items.push(...((page.Items ?? []) as TableItem[]));
  } finally {
    client.destroy();
  }
  return items;
}

/** Scans until `done` holds for the table's items, or fails after `timeoutMs`. */
export async function scanUntil(
  stack: LocalProcess,
  done: (items: TableItem[]) => boolean,
  timeoutMs = 20_000,
): Promise<TableItem[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const items = await scanLocalTable(stack);
    if (done(items)) return items;
    if (Date.now() > deadline)
      throw new Error(`The table did not reach the expected state in ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
