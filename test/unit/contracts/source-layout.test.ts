import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(fileURLToPath(import.meta.url), "../../../..");
const SOURCE = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);
const SKIPPED_DIRS = new Set(["node_modules", "cdk.out"]);
const MAX_LINES = 300;
/** Runtime code must never reach into these: they are not deployed with the functions. */
const OFF_LIMITS_FOR_FUNCTIONS = ["infra", "local", "test", "bench"];
/**
 * Files known to be over the limit and being split. An entry here that is no longer over the limit
 * fails the test, so the list only ever shrinks.
 */
const BEING_SPLIT = new Set<string>();

function sourceFiles(dir: string): string[] {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.has(extname(entry.name)))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((file) => !file.split("/").some((part) => SKIPPED_DIRS.has(part) || part.startsWith(".")));
}

/** Every module specifier a source names: static imports and re-exports, side-effect and dynamic imports, require. */
function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^"'`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["'`]([^"'`$]+)/g,
    /\brequire\s*\(\s*["']([^"']+)["']/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] as string));
}

/** The top-level folder a relative specifier in `file` lands in, or undefined for a package. */
function targetFolder(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  return relative(root, resolve(root, dirname(file), specifier)).split(sep)[0];
}

describe("the source layout", () => {
  it("finds the imports it must judge (the scanner works)", () => {
    // Prepare
    const source = [
      'import type { Needs } from "../kernel/ports.ts";',
      'import {\n  a,\n  b,\n} from "../../infra/routing/default-routing.ts";',
      'export { c } from "./c.ts";',
      'import "../../local/polyfill.ts";',
      'const m = await import("../../test/support/x.ts");',
      '// import { old } from "../../bench/old.ts";',
    ].join("\n");

    // Act
    const found = importSpecifiers(source);

    // Assess
    expect(found.sort()).toEqual(
      [
        "../kernel/ports.ts",
        "../../infra/routing/default-routing.ts",
        "./c.ts",
        "../../local/polyfill.ts",
        "../../test/support/x.ts",
      ].sort(),
    );
    expect(targetFolder("functions/lib/routing/index.ts", "../../../infra/x.ts")).toBe("infra");
  });

  it(`lets no file under functions/ import from ${OFF_LIMITS_FOR_FUNCTIONS.join("/, ")}/`, () => {
    // Prepare
    const files = sourceFiles("functions");

    // Act
    const crossings = files.flatMap((file) =>
      importSpecifiers(readFileSync(join(root, file), "utf8"))
        .filter((specifier) => OFF_LIMITS_FOR_FUNCTIONS.includes(targetFolder(file, specifier) ?? ""))
        .map((specifier) => `${file} imports ${specifier}`),
    );

    // Assess
    expect(files.length).toBeGreaterThan(50);
    expect(crossings).toEqual([]);
  });

  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    // Prepare
    const files = ["functions", "local", "infra", "bench", "client", "scripts"].flatMap(sourceFiles);

    // Act
    const lines = new Map(
      files.map((file) => [file, readFileSync(join(root, file), "utf8").trimEnd().split("\n").length]),
    );
    const over = [...lines]
      .filter(([, count]) => count > MAX_LINES)
      .map(([file, count]) => `${file}: ${count}`);

    // Assess
    expect(files.length).toBeGreaterThan(100);
    expect(over.filter((entry) => !BEING_SPLIT.has(entry.split(":")[0] as string))).toEqual([]);
    const split = [...BEING_SPLIT].filter((file) => (lines.get(file) ?? 0) <= MAX_LINES);
    expect(split, "split now: remove from BEING_SPLIT").toEqual([]);
  });
});
