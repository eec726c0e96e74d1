import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { privacyPorts } from "../lib/composition/privacy-root.ts";
import { logger } from "../lib/logger.ts";
import { publishMetrics } from "../lib/middleware/publish-metrics.ts";
import { traceHandler } from "../lib/middleware/trace-handler.ts";
import { eraseCustomer } from "../lib/privacy/erase-customer.ts";
import type { ErasureReport } from "../lib/privacy/erasure-report.ts";
import { parseErasureRequest } from "../lib/privacy/erasure-request.ts";

/**
 * Erases one customer's chats, messages and cases, invoked by the bank's privacy tooling (not behind the
 * WebSocket API) with `{ "sub": "<customer id>" }`; answers with the report. A refusal is an answer,
 * not an error: the tooling reads `refused`, has those chats ended and invokes again.
 */
export async function erase(event: unknown): Promise<ErasureReport> {
  const { sub } = parseErasureRequest(event);
  logger.appendKeys({ customerId: sub });
  const report = await eraseCustomer(privacyPorts(), sub);
  // Ids and counts only: the report carries nothing the customer wrote.
  logger.info("Customer erasure", {
    erased: report.erased,
    counts: report.counts,
    chatIds: report.chatIds,
    refused: report.refused.map(({ chatId, state }) => ({ chatId, state })),
  });
  return report;
}

export const handler = middy(erase)
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
