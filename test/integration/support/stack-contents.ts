import { DynamoDBClient, paginateScan } from "@aws-sdk/client-dynamodb";
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
} from "@aws-sdk/client-sfn";
import { localCredentials } from "../../../local/dynamodb-local.ts";
import { readRuntimeFile } from "../../../local/runtime-file.ts";
import { stateMachineArn } from "../../../local/step-functions.ts";
import type { Haystack } from "../../support/card-scanner.ts";
import type { LocalProcess } from "./local-process.ts";

const STATE_MACHINES = ["chat-handoff", "chat-closure"];

/**
 * Where the local runtime keeps its table: the runtime file it writes into its data dir (its start-up
 * banner says the same, but a busy runtime's kept output may no longer hold the banner).
 */
export function tableOf(stack: LocalProcess): { endpoint: string; tableName: string } {
  const runtime = readRuntimeFile(stack.dataDir);
  if (!runtime) throw new Error(`No runtime file in ${stack.dataDir}: is the local runtime up?`);
  return { endpoint: runtime.dynamodbEndpoint, tableName: runtime.tableName };
}

/** Every item of the runtime's table, as DynamoDB returns it (a test may scan). */
export async function scanTable(stack: LocalProcess): Promise<Record<string, unknown>[]> {
  const { endpoint, tableName } = tableOf(stack);
  const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: localCredentials });
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client }, { TableName: tableName, ConsistentRead: true }))
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
  client.destroy();
  return items;
}

export const tableHaystacks = (items: readonly Record<string, unknown>[]): Haystack[] =>
  items.map((item, index) => ({
    where: `dynamodb item ${index} ${JSON.stringify(item).slice(0, 80)}`,
    text: JSON.stringify(item),
  }));

export const logHaystacks = (stack: LocalProcess): Haystack[] =>
  stack
    .output()
    .split("\n")
    .map((line, index) => ({ where: `log line ${index}: ${line.slice(0, 80)}`, text: line }));

/** Every execution of both workflows: its input and output (DescribeExecution) and its history. */
export async function workflowHaystacks(
  stack: LocalProcess,
): Promise<{ executions: number; haystacks: Haystack[] }> {
  const client = new SFNClient({
    endpoint: stack.httpUrl,
    region: "us-east-1",
    credentials: localCredentials,
  });
  const haystacks: Haystack[] = [];
  let executions = 0;
  for (const name of STATE_MACHINES) {
    const listed = await client.send(new ListExecutionsCommand({ stateMachineArn: stateMachineArn(name) }));
    for (const { executionArn } of listed.executions ?? []) {
      executions += 1;
      const described = await client.send(new DescribeExecutionCommand({ executionArn }));
      haystacks.push({ where: `execution ${executionArn}`, text: JSON.stringify(described) });
      const history = await client.send(new GetExecutionHistoryCommand({ executionArn }));
      haystacks.push({ where: `history of ${executionArn}`, text: JSON.stringify(history.events) });
    }
  }
  client.destroy();
  return { executions, haystacks };
}

/** Waits until no execution of either workflow is running, or the deadline passes. */
export async function workflowsSettled(stack: LocalProcess, timeoutMs: number): Promise<number> {
  const client = new SFNClient({
    endpoint: stack.httpUrl,
    region: "us-east-1",
    credentials: localCredentials,
  });
  const deadline = Date.now() + timeoutMs;
  let running = 0;
  for (;;) {
    running = 0;
    for (const name of STATE_MACHINES) {
      const listed = await client.send(new ListExecutionsCommand({ stateMachineArn: stateMachineArn(name) }));
      running += (listed.executions ?? []).filter((execution) => execution.status === "RUNNING").length;
    }
    if (running === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  client.destroy();
  return running;
}
