import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { App, Stage } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { parseRoutingConfig, RoutingConfigError } from "../../functions/lib/routing/parse-routing-config.ts";
import type { RoutingConfig } from "../../functions/lib/routing/routing-schema.ts";
import { type PlaceholderNumber, placeholderNumbers } from "./placeholder-numbers.ts";

/** The shipped routing configuration file (context `routingFile` replaces it). */
export const DEFAULT_ROUTING_FILE: string = fileURLToPath(new URL("./default-routing.json", import.meta.url));

/** A routing file read and checked at synth. */
export interface RoutingFile {
  /** The absolute path of the file. */
  readonly file: string;
  /** The parsed and validated configuration. */
  readonly config: RoutingConfig;
  /** The contact numbers that are still fictional placeholders. */
  readonly placeholders: readonly PlaceholderNumber[];
}

/**
 * Reads a routing configuration file (JSON) and checks it with the same zod schema the functions use,
 * so that a broken file fails `cdk synth` with every problem listed instead of failing the first chat.
 */
export function readRoutingFile(file: string, baseDir: string = process.cwd()): RoutingFile {
  const absolute = path.resolve(baseDir, file);
  if (!existsSync(absolute))
    throw new Error(`Routing file ${absolute} does not exist (context routingFile).`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(absolute, "utf8"));
  } catch (error) {
    throw new Error(`Routing file ${absolute} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    const config = parseRoutingConfig(raw);
    return { file: absolute, config, placeholders: placeholderNumbers(config) };
  } catch (error) {
    if (error instanceof RoutingConfigError) throw new Error(`Routing file ${absolute}: ${error.message}`);
    throw error;
  }
}

/**
 * Writes the configuration as validated (defaults applied) into the cloud assembly, for the bundles to
 * copy: the functions read this file without validating it again.
 */
export function stageRoutingConfig(scope: Construct, config: RoutingConfig): string {
  const outdir = Stage.of(scope)?.outdir ?? App.of(scope)?.outdir ?? ".";
  const dir = path.join(outdir, "carechat-routing");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${scope.node.addr}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}
