import { ApiGatewayManagementApiClient } from "@aws-sdk/client-apigatewaymanagementapi";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SFNClient } from "@aws-sdk/client-sfn";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { startCall } from "./call-recorder.ts";

/**
 * The AWS SDK clients the handlers share. They are created on first use from the environment and
 * re-created only if the endpoints change (the local runtime restarts on new ports in tests).
 * `AWS_ENDPOINT_URL_DYNAMODB` and `AWS_ENDPOINT_URL_SFN` are the SDK's own service-specific
 * endpoint variables; on Lambda they are unset and the regional endpoints are used.
 */
export interface AwsClients {
  readonly documents: DynamoDBDocumentClient;
  readonly stepFunctions: SFNClient;
  readonly connections: ApiGatewayManagementApiClient;
}

let cached: { key: string; clients: AwsClients } | undefined;

export function awsClients(env: NodeJS.ProcessEnv = process.env): AwsClients {
  const key = [env.AWS_ENDPOINT_URL_DYNAMODB, env.AWS_ENDPOINT_URL_SFN, env.WS_MANAGEMENT_ENDPOINT].join("|");
  if (cached?.key === key) return cached.clients;
  const dynamo = instrument(new DynamoDBClient({}));
  const clients: AwsClients = {
    documents: DynamoDBDocumentClient.from(dynamo, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    }),
    stepFunctions: instrument(new SFNClient({})),
    connections: instrument(new ApiGatewayManagementApiClient({ endpoint: env.WS_MANAGEMENT_ENDPOINT })),
  };
  cached = { key, clients };
  return clients;
}

interface Instrumentable {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: "initialize"; name: string },
    ): void;
  };
}

function instrument<T>(client: T): T {
  (client as unknown as Instrumentable).middlewareStack.add(
    (next, context) => async (args) => {
      const call = startCall(context.commandName ?? "unknown");
      try {
        return await next(args);
      } finally {
        if (call) call.endedAt = performance.now();
      }
    },
    { step: "initialize", name: "carechatCallRecorder" },
  );
  return client;
}

export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`The environment variable ${name} is not set.`);
  return value;
}
