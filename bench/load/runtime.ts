import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { RoutingConfigInput } from "../../functions/lib/routing/index.ts";
import { freePort } from "../../local/free-port.ts";

const projectRoot = resolve(fileURLToPath(import.meta.url), "../../..");
const always = { timeZone: "UTC", schedule: "24/7" as const };

/** One queue for everyone, open around the clock: the load measures the platform, not the routing. */
export const loadRouting = (): RoutingConfigInput => ({
  version: "load",
  defaultQueueId: "load",
  supervisorQueueId: "supervisors",
  defaultContactNumber: "the number on the back of your card",
  queues: [
    { id: "load", name: "Load", countries: "*", languages: "*", segments: "*", topics: "*", hours: always },
    {
      id: "supervisors",
      name: "Supervisors",
      kind: "supervisor",
      countries: "*",
      languages: "*",
      segments: "*",
      topics: "*",
      hours: always,
    },
  ],
});

export interface LoadRuntime {
  readonly httpUrl: string;
  readonly wsUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `npm start`'s entry point as a child process on a free loopback port with its own data
 * directory, as the integration suite does: the runtime and the generator are separate processes,
 * so the generator's clients do not share the runtime's event loop (they do share the cores).
 */
export async function startLoadRuntime(env: Record<string, string> = {}): Promise<LoadRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), "carechat-load-"));
  const routingFile = join(dataDir, "load-routing.json");
  writeFileSync(routingFile, JSON.stringify(loadRouting()));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "local/main.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      CARECHAT_DATA_DIR: dataDir,
      CARECHAT_ROUTING_FILE: routingFile,
      POWERTOOLS_LOG_LEVEL: "ERROR",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The local runtime exited early:\n${errors}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The local runtime did not become healthy:\n${errors}`);
    }
    try {
      if ((await fetch(`${httpUrl}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return {
    httpUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
      process.off("exit", killOnExit);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
