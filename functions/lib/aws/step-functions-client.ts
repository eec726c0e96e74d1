import type { SFNClient } from "@aws-sdk/client-sfn";
import { traced } from "../tracer.ts";
import { instrument } from "./instrument.ts";

/** The Step Functions SDK module: its commands and error classes. */
export type StepFunctionsSdk = typeof import("@aws-sdk/client-sfn");

/** The SDK module and a client of it, loaded together on first use. */
export interface LoadedStepFunctions {
  readonly sdk: StepFunctionsSdk;
  readonly client: SFNClient;
}

/** A Step Functions client that is not loaded until a workflow is started or woken. */
export interface LazyStepFunctions {
  load(): Promise<LoadedStepFunctions>;
}

let cached: { endpoint: string | undefined; loading: Promise<LoadedStepFunctions> } | undefined;

/**
 * The Step Functions client (`AWS_ENDPOINT_URL_SFN` locally), imported on first use. Most requests to
 * `actions` (messages, typing, resume) never start or wake a workflow, so a cold start should not pay
 * for loading the SDK's Step Functions package (about 15–20 ms measured): only the first request that
 * does so does.
 */
export function stepFunctionsClient(env: NodeJS.ProcessEnv = process.env): LazyStepFunctions {
  const endpoint = env.AWS_ENDPOINT_URL_SFN;
  return {
    load() {
      if (cached && cached.endpoint === endpoint) return cached.loading;
      const loading = import("@aws-sdk/client-sfn").then((sdk) => ({
        sdk,
        client: traced(instrument(new sdk.SFNClient({}))),
      }));
      // A failed import is not cached: the next request tries again.
      loading.catch(() => {
        if (cached?.loading === loading) cached = undefined;
      });
      cached = { endpoint, loading };
      return loading;
    },
  };
}
