import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the SDK bundle", () => {
  it("is small and carries nothing of zod or the server: protocol types are imported as types only", async () => {
    // Act: the bundle a browser page gets.
    const result = await build({
      entryPoints: ["client/src/index.ts"],
      bundle: true,
      format: "esm",
      platform: "browser",
      minify: true,
      write: false,
      metafile: true,
    });

    // Assess
    const inputs = Object.keys(result.metafile.inputs);
    const bytes = result.outputFiles[0]?.contents.length ?? Number.POSITIVE_INFINITY;
    expect(inputs.filter((input) => !input.startsWith("client/src/"))).toEqual([]);
    expect(result.outputFiles[0]?.text).not.toMatch(/zod/i);
    expect(bytes).toBeLessThan(20 * 1024);
  });
});
