import { ApiGatewayManagementApiClient } from "@aws-sdk/client-apigatewaymanagementapi";
import { traced } from "../tracer.ts";
import { instrument } from "./instrument.ts";

let cached: { endpoint: string; client: ApiGatewayManagementApiClient } | undefined;

/** The API Gateway management client (`@connections`) for the stage at `endpoint`, created on first use. */
export function connectionsClient(endpoint: string): ApiGatewayManagementApiClient {
  if (cached && cached.endpoint === endpoint) return cached.client;
  const client = traced(instrument(new ApiGatewayManagementApiClient({ endpoint })));
  cached = { endpoint, client };
  return client;
}
