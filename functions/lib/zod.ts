import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * The one validator the functions use: zod's mini build (the same `zod/v4/core` engine as `zod`,
 * with functions instead of chained methods, so a bundle keeps only the checks it calls). The
 * classic build brings in every method of every schema type, about 70 KB more per function.
 *
 * Mini sets no locale of its own; English is installed here, once, so the issue messages (which
 * reach clients in BAD_REQUEST frames) read exactly as the classic build's default. Importing only
 * `en` keeps the other locales out of the bundles.
 */
config(en());

export * from "zod/mini";
