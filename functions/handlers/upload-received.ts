import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { uploadPorts } from "../lib/composition/upload-root.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";
import { type ReceiveOutcome, receiveUpload } from "../lib/uploads/receive-upload.ts";
import { stagedFilesOf } from "../lib/uploads/upload-events.ts";

/**
 * A customer's document arrived in the upload bucket: checked, then posted to the chat or refused.
 * Invoked asynchronously by S3 (or EventBridge with scanning on), which retries a failed invocation;
 * each file is handled idempotently (receive-upload.ts).
 */
export async function received(event: unknown): Promise<{ outcomes: ReceiveOutcome[] }> {
  const ports = uploadPorts();
  const outcomes: ReceiveOutcome[] = [];
  for (const file of stagedFilesOf(event, ports.scanRequired))
    outcomes.push(await receiveUpload(ports, file));
  logger.info("Uploads received", { outcomes });
  return { outcomes };
}

export const handler = middy(received)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
