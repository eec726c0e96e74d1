import type { MiddlewareObj } from "@middy/core";
import { metrics } from "../metrics.ts";

/**
 * Flushes the metrics an invocation recorded (conflict give-ups, failed deliveries, rate-limited
 * requests, effects that failed after a commit) as one EMF log line, whether the handler succeeded or
 * threw. An invocation that recorded nothing writes nothing, unlike Powertools' own `logMetrics`,
 * which warns on every such invocation.
 */
export const publishMetrics = <TEvent, TResult>(): MiddlewareObj<TEvent, TResult> => {
  const flush = () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: flush, onError: flush };
};
