import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { freePort } from "../../../local/free-port.ts";

const projectRoot = resolve(fileURLToPath(import.meta.url), "../../../..");

export interface LocalProcess {
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly dataDir: string;
  readonly output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `npm start`'s entry point as a child process, exactly as a developer would. */
export async function startLocalProcess(
  options: {
    dataDir?: string;
    port?: number;
    env?: Record<string, string>;
    /** How many characters of the runtime's output to keep (the newest); suites that scan logs keep all. */
    outputLimit?: number;
    /** Called with the newest output should the runtime exit before `stop` (a crash mid-suite). */
    onUnexpectedExit?: (code: number | null, output: string) => void;
  } = {},
): Promise<LocalProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "carechat-test-"));
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "local/main.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      CARECHAT_DATA_DIR: dataDir,
      POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "WARN",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const outputLimit = options.outputLimit ?? 20_000;
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > outputLimit) output = output.slice(-outputLimit);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let stopping = false;
  const exited = new Promise<number | null>((done) =>
    child.once("exit", (code) => {
      if (!stopping) options.onUnexpectedExit?.(code, output);
      done(code);
    }),
  );
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The local runtime exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The local runtime did not become healthy:\n${output}`);
    }
    try {
      if ((await fetch(`${httpUrl}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return {
    httpUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    stop: async (signal = "SIGINT") => {
      stopping = true;
      if (child.exitCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
