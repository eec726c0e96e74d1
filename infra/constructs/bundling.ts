import { type BundlingOptions, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import type { BuildOptions } from "esbuild";

/**
 * How every carechat function is bundled, defined once: the CDK app deploys with
 * {@link cdkBundlingOptions} and `npm run bench:bundles` measures with {@link esbuildOptions}, so the
 * sizes and cold-start times the bench prints are those of the code that ships.
 */

/**
 * The bundles are CommonJS, though the sources are ESM: the runtime then `require`s the externals below.
 * Imported from an ESM bundle, each CommonJS entry of the AWS SDK is first scanned by Node's
 * cjs-module-lexer for its export names, and Powertools resolves to its ESM build, whose tracer imports
 * `node:http` as a module namespace and so loads undici. Measured on `actions` (15 fresh imports each,
 * quiet machine): 162 ms as ESM, 111 ms as CommonJS. Nothing in `functions/` uses `import.meta` or
 * top-level await, which CommonJS output could not carry.
 */
export const BUNDLE_FILE_NAME = "index.js";

/**
 * The externals policy: the AWS SDK for JavaScript v3 is part of the nodejs22.x runtime, and Powertools
 * (logger, metrics, tracer with the X-Ray SDK it brings, about 150 KB of every bundle) comes from AWS's
 * Powertools layer ({@link POWERTOOLS_LAYER_VERSION}), so both are imported from there instead of
 * bundled. Everything else the handler reaches is bundled and shaken (which is why the functions import
 * zod as `zod/mini`: see functions/lib/zod.ts).
 */
export const EXTERNAL_MODULES: readonly string[] = ["@aws-sdk/*", "@aws-lambda-powertools/*"];

/**
 * The `AWSLambdaPowertoolsTypeScriptV2` layer version every function loads Powertools from (Powertools
 * 2.x, as package.json; raise it with the package, see the layer ARNs in the Powertools docs).
 */
export const POWERTOOLS_LAYER_VERSION = 44;

/**
 * The `NODE_OPTIONS` that make stack traces point into the TypeScript sources through the bundle's
 * source map. Off by default ({@link functionNodeOptions}): Node then parses the whole map (1.2 MB for
 * `actions`) at import, about 13 ms of every cold start (15 alternating fresh imports of `actions`). The
 * maps still ship beside the bundles, so a minified trace can be decoded after the fact.
 */
export const SOURCE_MAP_NODE_OPTIONS = "--enable-source-maps";

/** The functions' `NODE_OPTIONS`, if any; the bench starts its cold-start processes with the same. */
export const functionNodeOptions = (sourceMapStackTraces = false): string | undefined =>
  sourceMapStackTraces ? SOURCE_MAP_NODE_OPTIONS : undefined;

/** The esbuild settings shared by the deployed functions and the bundle bench. */
export const FUNCTION_BUNDLE = {
  platform: "node",
  format: "cjs",
  target: "node22",
  minify: true,
  sourcemap: true,
  treeShaking: true,
  mainFields: ["module", "main"],
  external: EXTERNAL_MODULES,
} as const;

/** The `bundling` property of a carechat `NodejsFunction`. */
export function cdkBundlingOptions(): BundlingOptions {
  return {
    format: OutputFormat.CJS,
    minify: FUNCTION_BUNDLE.minify,
    sourceMap: FUNCTION_BUNDLE.sourcemap,
    target: FUNCTION_BUNDLE.target,
    mainFields: [...FUNCTION_BUNDLE.mainFields],
    externalModules: [...FUNCTION_BUNDLE.external],
    esbuildArgs: { "--tree-shaking": String(FUNCTION_BUNDLE.treeShaking) },
    // esbuild is a devDependency: bundle with it directly, never in a Docker container.
    forceDockerBundling: false,
  };
}

/**
 * The same settings as esbuild build options, for bundling `entry` (absolute) to `outfile` outside
 * the CDK app. CDK always bundles the single entry point with `--bundle`.
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: FUNCTION_BUNDLE.platform,
    format: FUNCTION_BUNDLE.format,
    target: FUNCTION_BUNDLE.target,
    minify: FUNCTION_BUNDLE.minify,
    sourcemap: FUNCTION_BUNDLE.sourcemap,
    treeShaking: FUNCTION_BUNDLE.treeShaking,
    mainFields: [...FUNCTION_BUNDLE.mainFields],
    external: [...FUNCTION_BUNDLE.external],
  };
}
