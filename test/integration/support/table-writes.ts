import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { ReconcileReport } from "../../../functions/lib/reconcile/reconcile-types.ts";
import { localCredentials } from "../../../local/dynamodb-local.ts";
import { readRuntimeFile } from "../../../local/runtime-file.ts";
import type { LocalProcess } from "./local-process.ts";

type Key = { pk: string; sk: string };

/** A document client on a running local runtime's DynamoDB Local (tests may write what a crash leaves). */
async function withTable<T>(
  stack: LocalProcess,
  work: (client: DynamoDBDocumentClient, table: string) => Promise<T>,
) {
  const runtime = readRuntimeFile(stack.dataDir);
  if (!runtime) throw new Error(`No runtime file in ${stack.dataDir}: is the local runtime up?`);
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: runtime.dynamodbEndpoint,
      region: "us-east-1",
      credentials: localCredentials,
    }),
  );
  try {
    return await work(client, runtime.tableName);
  } finally {
    client.destroy();
  }
}

export function getItem(stack: LocalProcess, key: Key): Promise<Record<string, unknown> | undefined> {
  return withTable(stack, async (client, TableName) => {
    const { Item } = await client.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
    return Item;
  });
}

/** Sets (and removes) attributes of one item directly, as a crash half-way through a change would leave it. */
export function setAttributes(
  stack: LocalProcess,
  key: Key,
  set: Record<string, unknown>,
  remove: readonly string[] = [],
): Promise<void> {
  return withTable(stack, async (client, TableName) => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = Object.entries(set).map(([name, value], index) => {
      names[`#s${index}`] = name;
      values[`:s${index}`] = value;
      return `#s${index} = :s${index}`;
    });
    const removes = remove.map((name, index) => {
      names[`#r${index}`] = name;
      return `#r${index}`;
    });
    await client.send(
      new UpdateCommand({
        TableName,
        Key: key,
        UpdateExpression: [
          sets.length ? `SET ${sets.join(", ")}` : "",
          removes.length ? `REMOVE ${removes.join(", ")}` : "",
        ]
          .join(" ")
          .trim(),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: sets.length ? values : undefined,
      }),
    );
  });
}

/** One reconciler run through the local runtime's `POST /dev/reconcile`; its report. */
export async function reconcileOnce(stack: LocalProcess): Promise<ReconcileReport> {
  const response = await fetch(`${stack.httpUrl}/dev/reconcile`, { method: "POST" });
  if (response.status !== 200)
    throw new Error(`reconcile answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ReconcileReport;
}

/** The sum of a report's repairs. */
export const totalRepairs = (report: ReconcileReport) =>
  Object.values(report.repairs).reduce((sum, count) => sum + count, 0);
