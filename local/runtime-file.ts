import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Where a running `npm start` keeps its table, written into its data directory so that local tools
 * (`npm run erase`) find DynamoDB Local, whose port is picked afresh on every start.
 */
export interface RuntimeFile {
  readonly dynamodbEndpoint: string;
  readonly tableName: string;
  readonly pid: number;
}

const FILE_NAME = "runtime.json";

export const runtimeFilePath = (dataDir: string) => join(dataDir, FILE_NAME);

export function writeRuntimeFile(dataDir: string, runtime: RuntimeFile): void {
  writeFileSync(runtimeFilePath(dataDir), `${JSON.stringify(runtime, null, 2)}\n`);
}

export function removeRuntimeFile(dataDir: string): void {
  rmSync(runtimeFilePath(dataDir), { force: true });
}

/** The running runtime's table, or undefined when none is running from `dataDir`. */
export function readRuntimeFile(dataDir: string): RuntimeFile | undefined {
  let runtime: RuntimeFile;
  try {
    runtime = JSON.parse(readFileSync(runtimeFilePath(dataDir), "utf8")) as RuntimeFile;
  } catch {
    return undefined;
  }
  return isRunning(runtime.pid) ? runtime : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
