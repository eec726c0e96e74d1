import type { SFNClient } from "@aws-sdk/client-sfn";
import { traced } from "../tracer.ts";
import { instrument } from "./instrument.ts";
import { type LazySdk, type LoadedSdk, lazySdkLoader } from "./lazy-sdk.ts";

/** The Step Functions SDK module: its commands and error classes. */
export type StepFunctionsSdk = typeof import("@aws-sdk/client-sfn");

export type LoadedStepFunctions = LoadedSdk<StepFunctionsSdk, SFNClient>;

/** A Step Functions client that is not loaded until a workflow is started or woken. */
export type LazyStepFunctions = LazySdk<StepFunctionsSdk, SFNClient>;

/**
 * The Step Functions client (`AWS_ENDPOINT_URL_SFN` locally), imported on first use. Most requests to
 * `actions` (messages, typing, resume) never start or wake a workflow, so a cold start should not pay
 * for loading the SDK's Step Functions package (about 15–20 ms measured): only the first request that
 * does so does.
 */
export const stepFunctionsClient = lazySdkLoader("AWS_ENDPOINT_URL_SFN", async () => {
  const sdk = await import("@aws-sdk/client-sfn");
  return { sdk, client: traced(instrument(new sdk.SFNClient({}))) };
});
