import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { privacyPorts } from "../functions/lib/composition/privacy-root.ts";
import { eraseCustomer } from "../functions/lib/privacy/erase-customer.ts";
import { parseErasureRequest } from "../functions/lib/privacy/erasure-request.ts";
import { localCredentials } from "../local/dynamodb-local.ts";
import { readRuntimeFile } from "../local/runtime-file.ts";

/**
 * `npm run erase -- --sub <customer id>`: erases one customer's chats, messages and cases and prints the
 * report as JSON. With `TABLE_NAME` set it works on that table with the usual AWS SDK credentials and
 * region (and `AWS_ENDPOINT_URL_DYNAMODB`, if set); without, on the table of the `npm start` running
 * from `CARECHAT_DATA_DIR` (default `.carechat`). Exit code 0: erased; 2: chats refused (see the report).
 */
const USAGE = "usage: npm run erase -- --sub <customer id>";

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function useTable(env: NodeJS.ProcessEnv): string {
  if (env.TABLE_NAME) return `table ${env.TABLE_NAME} (AWS)`;
  const dataDir = resolve(env.CARECHAT_DATA_DIR ?? ".carechat");
  const runtime = readRuntimeFile(dataDir);
  if (!runtime)
    fail(
      `No TABLE_NAME, and no local runtime is running from ${dataDir}: start it with npm start, or set ` +
        "TABLE_NAME (and AWS credentials) to erase on AWS.",
      1,
    );
  // The local runtime's DynamoDB Local takes any credentials; never send a developer's real ones to it.
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  Object.assign(env, {
    TABLE_NAME: runtime.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: runtime.dynamodbEndpoint,
    AWS_REGION: env.AWS_REGION ?? "us-east-1",
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
  });
  return `table ${runtime.tableName} of the local runtime at ${runtime.dynamodbEndpoint}`;
}

let sub: string;
try {
  const { values } = parseArgs({ options: { sub: { type: "string" } }, strict: true });
  sub = parseErasureRequest({ sub: values.sub }).sub;
} catch {
  fail(USAGE, 64);
}
const where = useTable(process.env);
process.stderr.write(`Erasing customer ${sub} from ${where}\n`);
const report = await eraseCustomer(privacyPorts(process.env), sub);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = report.erased ? 0 : 2;
