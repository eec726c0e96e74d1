import { logger } from "../functions/lib/logger.ts";
import { removeRuntimeFile, writeRuntimeFile } from "./runtime-file.ts";
import { startLocalStack } from "./stack.ts";

/** `npm start`: carechat on this machine, until Ctrl-C. */
const port = Number(process.env.PORT ?? 3001);
const dataDir = process.env.CARECHAT_DATA_DIR ?? ".carechat";

const optionalNumber = (value: string | undefined) => (value ? Number(value) : undefined);
const stack = await startLocalStack({
  port,
  dataDir,
  host: process.env.HOST ?? "127.0.0.1",
  // API Gateway's 10-minute idle and 2-hour limits, shortened only to test them.
  idleTimeoutMs: optionalNumber(process.env.CARECHAT_IDLE_TIMEOUT_MS),
  maxConnectionMs: optionalNumber(process.env.CARECHAT_MAX_CONNECTION_MS),
});
writeRuntimeFile(stack.dataDir, {
  dynamodbEndpoint: String(process.env.AWS_ENDPOINT_URL_DYNAMODB),
  tableName: String(process.env.TABLE_NAME),
  pid: process.pid,
});
logger.info("carechat is running", { url: stack.url, dataDir: stack.dataDir });
process.stdout.write(`
carechat local runtime is up.
  Customer widget:  ${stack.httpUrl}/
  Agent desk:       ${stack.httpUrl}/agent
  (both open on a demo sign-in that gets a token from POST /dev/token; use two windows to be both sides)
  WebSocket:  ${stack.url}?token=<JWT>
  Health:     ${stack.httpUrl}/health
  Data dir:   ${stack.dataDir}
  DynamoDB:   ${process.env.AWS_ENDPOINT_URL_DYNAMODB} (table ${process.env.TABLE_NAME})

Get a demo customer token:
  curl -s -X POST ${stack.httpUrl}/dev/token
or one with your own claims:
  curl -s -X POST ${stack.httpUrl}/dev/token -H 'content-type: application/json' \\
    -d '{"sub":"c-1","role":"customer","name":"Ana","country":"US","locale":"es-US","segment":"consumer","accounts":[{"last4":"1234"}]}'

Then connect, e.g.:  npx wscat -c "${stack.url}?token=$TOKEN"  and send {"action":"startChat"}
Press Ctrl-C to stop.
`);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info("Stopping", { signal });
  removeRuntimeFile(stack.dataDir);
  await stack.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
