import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DescribeExecutionCommand, SFNClient, StopExecutionCommand } from "@aws-sdk/client-sfn";
import { stateMachineArn } from "../../../local/step-functions.ts";
import { fastRouting } from "../fixtures/fast-routing.ts";
import { type LocalProcess, startLocalProcess } from "./local-process.ts";

/** A local runtime with the handoff tests' short routing timers and the given reconciler/presence times. */
export function startTimedStack(env: Record<string, string>): Promise<LocalProcess> {
  const file = join(mkdtempSync(join(tmpdir(), "carechat-routing-")), "routing.json");
  writeFileSync(file, JSON.stringify(fastRouting()));
  return startLocalProcess({
    env: { CARECHAT_ROUTING_FILE: file, CARECHAT_TICK_MS: "1000", ...env },
    outputLimit: 2_000_000,
  });
}

const executionArn = (name: string) =>
  `${stateMachineArn("chat-handoff").replace(":stateMachine:", ":execution:")}:${name}`;

/** The local Step Functions API of a running runtime, as the functions' own SDK client reaches it. */
function stepFunctions(stack: LocalProcess) {
  return new SFNClient({
    endpoint: stack.httpUrl,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
}

/** Stops a handoff execution, as a crash of the workflow would leave its chat: queued, nothing behind it. */
export async function killHandoff(stack: LocalProcess, name: string): Promise<void> {
  const client = stepFunctions(stack);
  try {
    await client.send(new StopExecutionCommand({ executionArn: executionArn(name) }));
  } finally {
    client.destroy();
  }
}

/** A handoff execution's status, or undefined when there is none of that name. */
export async function handoffStatus(stack: LocalProcess, name: string): Promise<string | undefined> {
  const client = stepFunctions(stack);
  try {
    return (await client.send(new DescribeExecutionCommand({ executionArn: executionArn(name) }))).status;
  } catch (error) {
    if ((error as Error).name === "ExecutionDoesNotExist") return undefined;
    throw error;
  } finally {
    client.destroy();
  }
}

/** Polls `read` until `done` holds for what it returns, or fails after `timeoutMs`. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}: last ${JSON.stringify(value)}`);
    await sleep(200);
  }
}

/** A time long past, for backdating what a crash left behind. */
export const LONG_AGO = "2000-01-01T00:00:00.000Z";
