import { SFNClient } from "@aws-sdk/client-sfn";
import { traced } from "../tracer.ts";
import { instrument } from "./instrument.ts";

let cached: { endpoint: string | undefined; client: SFNClient } | undefined;

/** The Step Functions client, created on first use (`AWS_ENDPOINT_URL_SFN` locally). */
export function stepFunctionsClient(env: NodeJS.ProcessEnv = process.env): SFNClient {
  const endpoint = env.AWS_ENDPOINT_URL_SFN;
  if (cached && cached.endpoint === endpoint) return cached.client;
  const client = traced(instrument(new SFNClient({})));
  cached = { endpoint, client };
  return client;
}
