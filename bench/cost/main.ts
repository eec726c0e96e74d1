import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "../../local/stack.ts";
import { runCostBench } from "./run-cost-bench.ts";

/** `npm run bench:cost`: the cost part of `npm run bench`, on its own local stack. */
const dataDir = mkdtempSync(join(tmpdir(), "carechat-cost-"));
process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
// The bench runs the ticker itself (see run-cost-bench.ts): the stack's own timer stays off.
const stack = await startLocalStack({ dataDir, tickMs: 2 ** 31 - 1 });
try {
  process.stdout.write(await runCostBench(stack));
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
