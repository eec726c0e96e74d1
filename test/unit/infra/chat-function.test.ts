import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as logs from "aws-cdk-lib/aws-logs";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_FILE_NAME, esbuildOptions } from "../../../infra/constructs/bundling.ts";
import { ChatFunction, REPO_ROOT } from "../../../infra/constructs/chat-function.ts";
import { DEFAULT_ROUTING_FILE } from "../../../infra/routing/routing-file.ts";
import { removeTestOutdirs, SYNTH_TIMEOUT_MS, testOutdir } from "./synth-helpers.ts";

/**
 * Real bundling, with the local esbuild and no Docker, of a small fixture: this proves the preset
 * (CommonJS output of the ESM sources, minify, source map, AWS SDK external) produces a module that loads
 * and runs.
 */

let template: Template;
const FIXTURE = "test/unit/infra/fixtures/hello-handler.ts";
let bundleDir: string;

beforeAll(() => {
  const outdir = testOutdir();
  const app = new App({ outdir });
  const stack = new Stack(app, "Bundling", { env: { region: "us-east-1" } });
  new ChatFunction(stack, "Hello", {
    entry: FIXTURE,
    logGroupRetention: logs.RetentionDays.ONE_WEEK,
    memorySize: 256,
    environment: { LOG_LEVEL: "DEBUG" },
    bundledFiles: { "routing.json": DEFAULT_ROUTING_FILE },
  });
  new ChatFunction(stack, "Traced", {
    entry: FIXTURE,
    logGroupRetention: logs.RetentionDays.ONE_WEEK,
    sourceMapStackTraces: true,
  });
  template = Template.fromStack(stack);
  const fn = functionNamed("Hello");
  const assetHash = String(fn?.Properties.Code.S3Key).replace(/\.zip$/, "");
  bundleDir = path.join(outdir, `asset.${assetHash}`);
}, SYNTH_TIMEOUT_MS);

afterAll(removeTestOutdirs);

function functionNamed(prefix: string) {
  const functions = Object.entries(template.findResources("AWS::Lambda::Function"));
  return functions.find(([logicalId]) => logicalId.startsWith(prefix))?.[1];
}

describe("ChatFunction bundling", () => {
  it("writes a minified CommonJS bundle with a source map, which the runtime requires", () => {
    // Act
    const bundle = readFileSync(path.join(bundleDir, BUNDLE_FILE_NAME), "utf8");

    // Assess
    expect(bundle).toContain("module.exports");
    expect(bundle).not.toMatch(/^import /m);
    expect(existsSync(path.join(bundleDir, `${BUNDLE_FILE_NAME}.map`))).toBe(true);
    expect(bundle.split("\n").length).toBeLessThan(10);
  });

  it("copies the bundled files next to the bundle, byte for byte", () => {
    // Act
    const copied = readFileSync(path.join(bundleDir, "routing.json"), "utf8");

    // Assess
    expect(copied).toBe(readFileSync(DEFAULT_ROUTING_FILE, "utf8"));
  });

  it("produces a handler that a plain Node process requires and runs, as the Lambda runtime does", () => {
    // Prepare: a separate Node process, so that nothing from the test runner is around.
    const script = [
      `const { handler } = require(${JSON.stringify(path.join(bundleDir, BUNDLE_FILE_NAME))});`,
      "handler().then((result) => process.stdout.write(JSON.stringify(result)));",
    ].join("\n");

    // Act
    const output = execFileSync(process.execPath, ["--input-type=commonjs", "--eval", script], {
      encoding: "utf8",
    });

    // Assess
    const result = JSON.parse(output) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ platform: process.platform, greeting: "hello" });
  });

  it("is the bundle the bench builds with the shared esbuild options", async () => {
    // Prepare: `npm run bench:bundles` measures its own bundles; they must be the deployed bytes.
    const outfile = path.join(testOutdir(), BUNDLE_FILE_NAME);

    // Act
    const result = await build({
      ...esbuildOptions(path.join(REPO_ROOT, FIXTURE), outfile),
      absWorkingDir: REPO_ROOT,
      write: false,
    });

    // Assess
    const bundle = result.outputFiles.find((file) => file.path === outfile);
    expect(bundle?.text).toBe(readFileSync(path.join(bundleDir, BUNDLE_FILE_NAME), "utf8"));
  });

  it("applies the props over the preset", () => {
    // Act
    const fn = functionNamed("Hello")?.Properties;
    const logGroup = Object.entries(template.findResources("AWS::Logs::LogGroup")).find(([logicalId]) =>
      logicalId.startsWith("Hello"),
    )?.[1];

    // Assess
    expect(fn).toMatchObject({ MemorySize: 256, Timeout: 29, Runtime: "nodejs22.x" });
    expect(fn.Environment.Variables).toEqual({
      POWERTOOLS_SERVICE_NAME: "carechat",
      POWERTOOLS_METRICS_NAMESPACE: "carechat",
      POWERTOOLS_TRACE_ENABLED: "true",
      POWERTOOLS_TRACER_CAPTURE_RESPONSE: "false",
      LOG_LEVEL: "DEBUG",
    });
    expect(logGroup?.Properties.RetentionInDays).toBe(7);
    expect(logGroup?.DeletionPolicy).toBe("Retain");
  });

  it("turns source-map stack traces on only when asked: they cost every cold start the map's parse", () => {
    // Act
    const traced = functionNamed("Traced")?.Properties.Environment.Variables;
    const plain = functionNamed("Hello")?.Properties.Environment.Variables;

    // Assess
    expect(traced).toMatchObject({ NODE_OPTIONS: "--enable-source-maps" });
    expect(plain).not.toHaveProperty("NODE_OPTIONS");
  });
});
