import { runBundleBench } from "./bundles/run-bundle-bench.ts";

/** `npm run bench:bundles`: the bundle-size and cold-start part of `npm run bench`, on its own. */
process.stdout.write(await runBundleBench());
