import type { HandlerName } from "../../functions/handlers/entry-points.ts";

/** The targets issue 6 sets for every function. */
export interface BundleTargets {
  readonly maxKb: number;
  readonly maxColdInitMs: number;
}

/** One package's share of a bundle's bytes. */
export interface PackageShare {
  readonly name: string;
  readonly bytes: number;
}

/** A handler bundled the way it deploys. */
export interface BuiltBundle {
  readonly name: HandlerName;
  readonly entry: string;
  /** The bundle on disk (in a temporary directory). */
  readonly file: string;
  /** The minified bundle's size (without its source map). */
  readonly bytes: number;
  /** The packages with the most bytes in the bundle, largest first. */
  readonly topPackages: readonly PackageShare[];
  /** Bytes of zod's locale messages in the bundle. */
  readonly zodLocaleBytes: number;
  /** The packages imported from the runtime instead of bundled (the AWS SDK) at init, sorted. */
  readonly externals: readonly string[];
  /** Runtime packages the bundle imports only on first use (`import()`), so not part of its cold init. */
  readonly lazyExternals: readonly string[];
}

/** One fresh process importing a bundle. */
export interface ColdImport {
  readonly ms: number;
  /** User + system CPU time of the import (all the process's threads). */
  readonly cpuMs: number;
  /** Sockets opened or hostnames looked up during the import (must stay empty). */
  readonly network: readonly string[];
}

/** The cold module-initialisation figures of one bundle. */
export interface ColdInit {
  readonly medianMs: number;
  readonly medianCpuMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: readonly number[];
  readonly network: readonly string[];
}

/** One function's row in the report and the JSON. */
export interface BundleResult {
  readonly name: HandlerName;
  readonly entry: string;
  readonly kb: number;
  readonly zodLocaleKb: number;
  readonly coldInit: ColdInit;
  /** Median cold import of only the AWS SDK packages the bundle imports (the runtime's SDK share). */
  readonly sdkOnlyMedianMs: number;
  readonly sdkOnlyMedianCpuMs: number;
  readonly topPackages: readonly { readonly name: string; readonly kb: number }[];
  readonly externals: readonly string[];
  readonly lazyExternals: readonly string[];
  readonly sizePass: boolean;
  readonly coldInitPass: boolean;
  readonly pass: boolean;
}
