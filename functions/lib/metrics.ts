import { Metrics } from "@aws-lambda-powertools/metrics";

/**
 * One Powertools Metrics instance (CloudWatch embedded metric format on stdout) for every function,
 * namespace `carechat`. Handlers flush it per invocation with the `logMetrics` middleware; the names
 * are the ones the stack's alarms and dashboard read (infra/README.md).
 */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "carechat",
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "carechat",
});
