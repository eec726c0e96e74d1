import { S3Client } from "@aws-sdk/client-s3";
import { instrument } from "./instrument.ts";

let cached: { endpoint: string | undefined; client: S3Client } | undefined;

/**
 * The S3 client, created on first use. `AWS_ENDPOINT_URL_S3` is the SDK's own service-specific
 * endpoint variable: unset on Lambda, the local runtime's s3rver locally, which answers path-style
 * requests only (`http://127.0.0.1:port/bucket/key`).
 */
export function s3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = env.AWS_ENDPOINT_URL_S3;
  if (cached && cached.endpoint === endpoint) return cached.client;
  const client = instrument(new S3Client({ forcePathStyle: endpoint !== undefined }));
  cached = { endpoint, client };
  return client;
}
