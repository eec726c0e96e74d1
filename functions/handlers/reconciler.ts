import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { reconcilerPorts } from "../lib/composition/reconciler-root.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";
import { reconcile } from "../lib/reconcile/reconcile.ts";
import type { ReconcileReport } from "../lib/reconcile/reconcile-types.ts";

/**
 * Runs every minute (an EventBridge schedule on AWS; locally a timer, and `POST /dev/reconcile`):
 * repairs what a crash can leave and applies the presence timeouts, and returns what it did.
 */
export async function runReconciler(): Promise<ReconcileReport> {
  return reconcile(reconcilerPorts());
}

export const handler = middy(runReconciler)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
