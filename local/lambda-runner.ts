import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Context } from "aws-lambda";
import { type RecordedCall, recordCalls } from "../functions/lib/aws/call-recorder.ts";

/** A Lambda handler as the local runtime calls it: the same export that deploys to AWS. */
export type LambdaHandler = (event: never, context: Context) => Promise<unknown>;

export interface Invocation {
  readonly functionName: string;
  readonly label: string;
  readonly durationMs: number;
  readonly calls: readonly RecordedCall[];
  readonly failed: boolean;
  readonly error?: string;
}

export type InvocationListener = (invocation: Invocation) => void;

const TIMEOUT_MS = 29_000;

/** Which function (and route or state) the running code belongs to: fault plans match on it. */
export interface InvocationScope {
  readonly functionName: string;
  readonly label: string;
}

const scope = new AsyncLocalStorage<InvocationScope>();

/** The invocation the caller runs inside, if any. */
export const currentInvocation = (): InvocationScope | undefined => scope.getStore();

/** Runs handlers in-process with a Lambda-shaped context, recording their AWS SDK calls. */
export class LambdaRunner {
  private readonly listeners = new Set<InvocationListener>();

  onInvocation(listener: InvocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async invoke<T>(
    functionName: string,
    handler: LambdaHandler,
    event: unknown,
    label = functionName,
  ): Promise<T> {
    const startedAt = performance.now();
    const deadline = Date.now() + TIMEOUT_MS;
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      functionName,
      functionVersion: "$LATEST",
      invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
      memoryLimitInMB: "512",
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: "local",
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } satisfies Context;
    const calls: RecordedCall[] = [];
    let failed = false;
    let message: string | undefined;
    try {
      return (await scope.run({ functionName, label }, () =>
        recordCalls(calls, () => handler(event as never, context)),
      )) as T;
    } catch (error) {
      failed = true;
      message = `${(error as Error).name}: ${(error as Error).message}`;
      throw error;
    } finally {
      const invocation = {
        functionName,
        label,
        durationMs: performance.now() - startedAt,
        calls,
        failed,
        error: message,
      };
      for (const listener of this.listeners) listener(invocation);
    }
  }
}
