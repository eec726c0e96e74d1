import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { functionNodeOptions } from "../../infra/constructs/bundling.ts";
import type { ColdImport, ColdInit } from "./bundle-types.ts";

const run = promisify(execFile);

/**
 * The child's script: it watches for sockets and DNS look-ups (an import must not reach the network),
 * then times one `require` of the CommonJS bundle (as the Lambda runtime loads it) with `performance.now()`, and reports as JSON. It
 * also reports the CPU time the import took, which a busy machine inflates far less than wall time.
 * It waits a moment after the import so that work the module merely scheduled is caught too.
 */
const CHILD_SCRIPT = `
import dns from "node:dns";
import net from "node:net";
import { createRequire } from "node:module";
const network = [];
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const target = args[0];
  network.push("connect " + (typeof target === "object" ? (target.host ?? target.path ?? "?") + ":" + (target.port ?? "") : String(target)));
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) { network.push("lookup " + host); return lookup.call(this, host, ...rest); };
const require = createRequire(import.meta.url);
const cpuBefore = process.cpuUsage();
const startedAt = performance.now();
// As the Lambda runtime loads a CommonJS handler: with require.
const loaded = require(process.argv[2]);
const ms = performance.now() - startedAt;
const cpu = process.cpuUsage(cpuBefore);
if (typeof loaded.handler !== "function") throw new Error("the bundle exports no handler function");
await new Promise((settle) => setTimeout(settle, 50));
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, network }));
process.exit(0);
`;

/**
 * What a deployed function finds in its environment, with dummy values: names and ARNs that lead
 * nowhere (`.invalid` never resolves), so that reading the environment at import works and any
 * attempt to reach AWS at import would show up as a failed look-up rather than a real call.
 */
function functionEnvironment(functionName: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    // As deployed by default: no source-map stack traces (ChatFunctionProps.sourceMapStackTraces).
    NODE_OPTIONS: functionNodeOptions(),
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "bench",
    AWS_SECRET_ACCESS_KEY: "bench",
    AWS_LAMBDA_FUNCTION_NAME: `carechat-${functionName}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "512",
    POWERTOOLS_SERVICE_NAME: "carechat",
    LOG_LEVEL: "INFO",
    TABLE_NAME: "carechat-bench",
    WS_MANAGEMENT_ENDPOINT: "https://ws.bench.invalid/prod",
    CLOSURE_STATE_MACHINE_ARN: "arn:aws:states:us-east-1:000000000000:stateMachine:carechat-bench-closure",
    HANDOFF_STATE_MACHINE_ARN: "arn:aws:states:us-east-1:000000000000:stateMachine:carechat-bench-handoff",
    JWT_ISSUER: "https://issuer.bench.invalid",
    JWT_JWKS_URI: "https://issuer.bench.invalid/.well-known/jwks.json",
  };
}

/** Writes the child script beside the bundles and returns its path. */
export function writeChildScript(outDir: string): string {
  const path = join(outDir, "measure-import.mjs");
  writeFileSync(path, CHILD_SCRIPT);
  return path;
}

/** Imports `bundle` once in a fresh Node process (the one running the bench: Node 22 under npm). */
export async function coldImport(script: string, bundle: string, functionName: string): Promise<ColdImport> {
  const { stdout } = await run(process.execPath, [script, bundle], {
    env: functionEnvironment(functionName),
    timeout: 30_000,
  });
  return JSON.parse(stdout) as ColdImport;
}

/** Sums up the fresh imports of one bundle. */
export function summarise(imports: readonly ColdImport[]): ColdInit {
  const runs = imports.map((entry) => entry.ms);
  return {
    medianMs: median(runs),
    medianCpuMs: median(imports.map((entry) => entry.cpuMs)),
    minMs: Math.min(...runs),
    maxMs: Math.max(...runs),
    runs,
    network: [...new Set(imports.flatMap((entry) => entry.network))],
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
