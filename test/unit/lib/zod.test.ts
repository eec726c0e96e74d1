import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as z from "../../../functions/lib/zod.ts";

const FUNCTIONS_DIR = join(import.meta.dirname, "../../../functions");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("functions/lib/zod.ts", () => {
  it("is the only module of the functions that imports zod itself", () => {
    // Prepare: the classic build would put ~70 KB back into every bundle that reaches it.
    const importsZod = /from\s+["']zod(\/[^"']*)?["']/;

    // Act
    const offenders = sourceFiles(FUNCTIONS_DIR)
      .filter((file) => importsZod.test(readFileSync(file, "utf8")))
      .map((file) => relative(FUNCTIONS_DIR, file));

    // Assess
    expect(offenders).toEqual(["lib/zod.ts"]);
  });

  it("reports issues in English, worded as the classic build's default locale", () => {
    // Prepare
    const schema = z.object({
      name: z.string().check(z.minLength(1)),
      count: z.number().check(z.int(), z.gte(0)),
      kind: z.enum(["a", "b"]),
    });

    // Act
    const result = schema.safeParse({ name: "", count: 1.5, kind: "c" });

    // Assess
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Too small: expected string to have >=1 characters",
      "Invalid input: expected int, received number",
      'Invalid option: expected one of "a"|"b"',
    ]);
  });
});
