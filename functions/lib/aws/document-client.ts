import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { traced } from "../tracer.ts";
import { instrument } from "./instrument.ts";

let cached: { endpoint: string | undefined; client: DynamoDBDocumentClient } | undefined;

/**
 * The DynamoDB document client, created on first use. `AWS_ENDPOINT_URL_DYNAMODB` is the SDK's own
 * service-specific endpoint variable: unset on Lambda, DynamoDB Local's address locally.
 */
export function documentClient(env: NodeJS.ProcessEnv = process.env): DynamoDBDocumentClient {
  const endpoint = env.AWS_ENDPOINT_URL_DYNAMODB;
  if (cached && cached.endpoint === endpoint) return cached.client;
  const client = DynamoDBDocumentClient.from(traced(instrument(new DynamoDBClient({}))), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  cached = { endpoint, client };
  return client;
}
