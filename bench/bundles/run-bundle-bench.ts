import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fixed } from "../stats.ts";
import { buildBundles } from "./build-bundles.ts";
import type { BuiltBundle, BundleResult, BundleTargets, ColdImport } from "./bundle-types.ts";
import { coldImport, summarise, writeChildScript } from "./cold-init.ts";

/** Issue 6's targets: every function at most 250 KB minified and 150 ms of cold module initialisation. */
export const BUNDLE_TARGETS: BundleTargets = { maxKb: 250, maxColdInitMs: 150 };

/** Fresh processes per function; the median of them is the cold-init figure. */
const COLD_RUNS = Math.max(7, Number(process.env.BENCH_COLD_RUNS ?? 9));

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RESULTS_FILE = join(REPO_ROOT, "bench", "results", "bundles.json");
const KB = 1024;

/**
 * `npm run bench:bundles` (and the last part of `npm run bench`): bundles every handler exactly as it
 * deploys, then imports each bundle in fresh Node processes. Prints size, cold module-initialisation
 * time and the packages that dominate each bundle, PASS/FAIL against the targets, and writes the
 * figures to `bench/results/bundles.json`.
 */
export async function runBundleBench(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "carechat-bundles-"));
  try {
    // The bundles import the AWS SDK from the runtime and Powertools from its layer; here the project's
    // node_modules stands in for both.
    symlinkSync(join(REPO_ROOT, "node_modules"), join(outDir, "node_modules"), "dir");
    const bundles = await buildBundles(REPO_ROOT, outDir);
    const script = writeChildScript(outDir);
    // Beside each bundle, a module that only imports the same external packages: the part of the cold
    // start that loading the SDK and Powertools costs, which the bundle's size does not show.
    const sdkOnly = new Map(bundles.map((bundle) => [bundle.name, writeSdkOnlyModule(outDir, bundle)]));
    const timed = [...bundles.map((bundle) => bundle.file), ...new Set(sdkOnly.values())];
    const imports = new Map<string, ColdImport[]>(timed.map((file) => [file, []]));
    // Round-robin, so that a noisy moment on the machine spreads over every module alike.
    for (let round = 0; round < COLD_RUNS; round += 1) {
      for (const file of timed)
        imports.get(file)?.push(await coldImport(script, file, basename(file, ".cjs")));
    }
    const results = bundles.map((bundle) =>
      toResult(bundle, imports.get(bundle.file) ?? [], imports.get(sdkOnly.get(bundle.name) ?? "") ?? []),
    );
    writeResults(results);
    return report(results);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Writes (once per set of packages) a module importing just the AWS SDK packages `bundle` imports. */
function writeSdkOnlyModule(outDir: string, bundle: BuiltBundle): string {
  // Named by a digest of the package list: the list itself outgrows a file name.
  const digest = createHash("sha256").update(bundle.externals.join("\n")).digest("hex").slice(0, 16);
  const file = join(outDir, `sdk-only-${digest}.cjs`);
  const lines = bundle.externals.map((name) => `require(${JSON.stringify(name)});`);
  writeFileSync(file, `${lines.join("\n")}\nexports.handler = () => undefined;\n`);
  return file;
}

function toResult(
  bundle: BuiltBundle,
  imports: readonly ColdImport[],
  sdkImports: readonly ColdImport[],
): BundleResult {
  const coldInit = summarise(imports);
  const sdkOnly = summarise(sdkImports);
  const kb = bundle.bytes / KB;
  const sizePass = kb <= BUNDLE_TARGETS.maxKb;
  const coldInitPass = coldInit.medianMs <= BUNDLE_TARGETS.maxColdInitMs && coldInit.network.length === 0;
  return {
    name: bundle.name,
    entry: bundle.entry,
    kb: round1(kb),
    zodLocaleKb: round1(bundle.zodLocaleBytes / KB),
    coldInit: {
      ...coldInit,
      medianMs: round1(coldInit.medianMs),
      medianCpuMs: round1(coldInit.medianCpuMs),
      runs: coldInit.runs.map(round1),
    },
    sdkOnlyMedianMs: round1(sdkOnly.medianMs),
    sdkOnlyMedianCpuMs: round1(sdkOnly.medianCpuMs),
    topPackages: bundle.topPackages.map((share) => ({ name: share.name, kb: round1(share.bytes / KB) })),
    externals: bundle.externals,
    lazyExternals: bundle.lazyExternals,
    sizePass,
    coldInitPass,
    pass: sizePass && coldInitPass,
  };
}

function writeResults(results: readonly BundleResult[]): void {
  mkdirSync(join(REPO_ROOT, "bench", "results"), { recursive: true });
  const document = {
    bench: "bundles",
    measuredAt: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    coldRuns: COLD_RUNS,
    // The machine's load while measuring: cold-start medians on a busy machine read high.
    loadAverage: loadavg(),
    targets: BUNDLE_TARGETS,
    pass: results.every((result) => result.pass),
    functions: results,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(document, null, 2)}\n`);
}

function report(results: readonly BundleResult[]): string {
  const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
  const lines = [
    "",
    `carechat bundles — every handler bundled as it deploys; cold init = median of ${COLD_RUNS} fresh imports, Node ${process.version}`,
    `  targets: <= ${BUNDLE_TARGETS.maxKb} KB minified, <= ${BUNDLE_TARGETS.maxColdInitMs} ms cold module initialisation; load average ${loadavg()
      .map((load) => fixed(load, 1))
      .join(" ")}`,
    "  init ms = wall time of the import (median, min–max); CPU ms = its median CPU time, steadier on a busy machine;",
    "  SDK alone = a fresh import of only the packages that bundle takes from the runtime (AWS SDK) and the Powertools layer (part of its init time)",
    `  ${"function".padEnd(12)} ${"KB".padStart(7)} ${"size".padStart(5)} ${"init ms".padStart(8)} ${"(min–max)".padStart(15)} ${"init".padStart(5)} ${"CPU ms".padStart(7)} ${"SDK alone ms".padStart(13)} ${"CPU ms".padStart(7)}  zod locales KB`,
  ];
  for (const result of results) {
    const { coldInit } = result;
    lines.push(
      `  ${result.name.padEnd(12)} ${fixed(result.kb, 1).padStart(7)} ${verdict(result.sizePass).padStart(5)} ${fixed(coldInit.medianMs, 1).padStart(8)} ${`(${fixed(coldInit.minMs, 0)}–${fixed(coldInit.maxMs, 0)})`.padStart(15)} ${verdict(result.coldInitPass).padStart(5)} ${fixed(coldInit.medianCpuMs, 1).padStart(7)} ${fixed(result.sdkOnlyMedianMs, 1).padStart(13)} ${fixed(result.sdkOnlyMedianCpuMs, 1).padStart(7)}  ${fixed(result.zodLocaleKb, 1)}`,
    );
  }
  lines.push(
    "  largest packages per bundle (KB in the minified output) and the packages it imports from the runtime and the Powertools layer:",
  );
  for (const result of results) {
    const top = result.topPackages.map((share) => `${share.name} ${fixed(share.kb, 1)}`).join(", ");
    lines.push(`  ${result.name.padEnd(12)} ${top}`);
    lines.push(`  ${"".padEnd(12)} imports ${result.externals.join(", ") || "nothing external"}`);
    if (result.lazyExternals.length > 0)
      lines.push(`  ${"".padEnd(12)} and on first use ${result.lazyExternals.join(", ")}`);
    if (result.coldInit.network.length > 0)
      lines.push(`  ${"".padEnd(12)} NETWORK AT IMPORT: ${result.coldInit.network.join(", ")}`);
  }
  lines.push(
    `  overall: ${verdict(results.every((result) => result.pass))}; figures written to bench/results/bundles.json`,
    "",
  );
  return lines.join("\n");
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT }).toString().trim();
  } catch {
    return null;
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;
