import { Tracer } from "@aws-lambda-powertools/tracer";

/**
 * One Powertools Tracer (AWS X-Ray) for every function: each handler is a segment
 * (`captureLambdaHandler` in the handlers) and each AWS SDK call a subsegment (the clients in
 * functions/lib/aws/ are captured). Responses are never captured: a reply frame carries chat text, which
 * must not reach a trace. Off where X-Ray is absent: the local runtime sets POWERTOOLS_TRACE_ENABLED=false,
 * and Powertools turns itself off outside Lambda anyway.
 */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "carechat" });

/** Captures an SDK client's calls as subsegments (a no-op while tracing is off). */
export function traced<T>(client: T): T {
  return tracer.isTracingEnabled() ? (tracer.captureAWSv3Client(client as never) as T) : client;
}
