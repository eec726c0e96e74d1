import { statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, resolve } from "node:path";
import { build, type Metafile } from "esbuild";
import { HANDLER_ENTRIES, HANDLER_NAMES, type HandlerName } from "../../functions/handlers/entry-points.ts";
import { esbuildOptions } from "../../infra/constructs/bundling.ts";
import type { BuiltBundle, PackageShare } from "./bundle-types.ts";

/** How many of the largest packages to name per bundle. */
const TOP_PACKAGES = 5;

/**
 * Bundles every handler with the deployed functions' esbuild options into `outDir` and reads, from
 * esbuild's metafile, what each bundle is made of.
 */
export async function buildBundles(repoRoot: string, outDir: string): Promise<BuiltBundle[]> {
  const bundles: BuiltBundle[] = [];
  for (const name of HANDLER_NAMES) bundles.push(await buildOne(repoRoot, outDir, name));
  return bundles;
}

async function buildOne(repoRoot: string, outDir: string, name: HandlerName): Promise<BuiltBundle> {
  const entry = resolve(repoRoot, HANDLER_ENTRIES[name]);
  // CommonJS, as deployed (bundling.ts); `.cjs` so that Node reads it so wherever it lies.
  const file = join(outDir, `${name}.cjs`);
  const result = await build({
    ...esbuildOptions(entry, file),
    absWorkingDir: repoRoot,
    metafile: true,
    logLevel: "warning",
  });
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith(`${name}.cjs`));
  if (!output) throw new Error(`esbuild wrote no ${name}.cjs`);
  const [, meta] = output;
  const atInit = externalImports(meta, (kind) => kind !== "dynamic-import");
  return {
    name,
    entry: HANDLER_ENTRIES[name],
    file,
    bytes: statSync(file).size,
    topPackages: topPackages(meta).slice(0, TOP_PACKAGES),
    zodLocaleBytes: sumInputs(meta, (path) => /node_modules\/zod\/.*locales\//.test(path)),
    externals: atInit,
    lazyExternals: externalImports(meta, (kind) => kind === "dynamic-import").filter(
      (name) => !atInit.includes(name),
    ),
  };
}

/** Bytes in the output per package (the project's own code counts as one package, `carechat`). */
function topPackages(meta: Metafile["outputs"][string]): PackageShare[] {
  const totals = new Map<string, number>();
  for (const [path, input] of Object.entries(meta.inputs)) {
    const pkg = packageOf(path);
    totals.set(pkg, (totals.get(pkg) ?? 0) + input.bytesInOutput);
  }
  return [...totals]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter((share) => share.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** `node_modules/@scope/name/...` → `@scope/name`, `node_modules/name/...` → `name`. */
export function packageOf(path: string): string {
  const marker = "node_modules/";
  const at = path.lastIndexOf(marker);
  if (at < 0) return "carechat";
  const parts = path.slice(at + marker.length).split("/");
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
}

function sumInputs(meta: Metafile["outputs"][string], keep: (path: string) => boolean): number {
  return Object.entries(meta.inputs)
    .filter(([path]) => keep(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
}

const BUILTINS = new Set(builtinModules);

/**
 * The packages the bundle leaves to the runtime (the AWS SDK clients), sorted, without Node built-ins:
 * those of the import kinds `keep` accepts (static imports load at init, dynamic ones on first use).
 */
function externalImports(meta: Metafile["outputs"][string], keep: (kind: string) => boolean): string[] {
  const names = meta.imports
    .filter((entry) => entry.external && keep(entry.kind))
    .filter((entry) => !entry.path.startsWith("node:") && !BUILTINS.has(entry.path))
    .map((entry) => entry.path);
  return [...new Set(names)].sort();
}
