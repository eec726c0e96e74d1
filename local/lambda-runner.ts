import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Context } from "aws-lambda";
import { type RecordedCall, recordCalls } from "../functions/lib/aws/call-recorder.ts";
import { Admission, type AdmissionLimits } from "./admission.ts";

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

/**
 * Lambda retries a failed asynchronous invocation (an S3 notification, say) twice, after about one and
 * two minutes; locally the pauses are a second and two.
 */
export const ASYNC_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000];

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
  private readonly admissions = new Map<string, Admission>();

  constructor(private readonly asyncRetryDelaysMs: readonly number[] = ASYNC_RETRY_DELAYS_MS) {}

  /** Caps a function's concurrent invocations and queue (see Admission); refused ones never run. */
  limit(functionName: string, limits: AdmissionLimits): Admission {
    const admission = new Admission(functionName, limits);
    this.admissions.set(functionName, admission);
    return admission;
  }

  admission(functionName: string): Admission | undefined {
    return this.admissions.get(functionName);
  }

  onInvocation(listener: InvocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a handler, through its function's admission control if it has one (AdmissionRefused otherwise). */
  invoke<T>(functionName: string, handler: LambdaHandler, event: unknown, label = functionName): Promise<T> {
    const admission = this.admissions.get(functionName);
    if (!admission) return this.execute(functionName, handler, event, label);
    return admission.run(() => this.execute<T>(functionName, handler, event, label));
  }

  /**
   * An asynchronous invocation, as Lambda runs one: nobody waits for it, and one that fails (a throttled
   * moment, a crash) is run again after each of the retry pauses. What still fails is dropped, as Lambda
   * drops it without a failure destination; each attempt is reported to the listeners.
   */
  async invokeAsync(
    functionName: string,
    handler: LambdaHandler,
    event: unknown,
    label = functionName,
  ): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.invoke(functionName, handler, event, label);
        return;
      } catch {
        const pause = this.asyncRetryDelaysMs[attempt];
        if (pause === undefined) return;
        await sleep(pause);
      }
    }
  }

  private async execute<T>(
    functionName: string,
    handler: LambdaHandler,
    event: unknown,
    label: string,
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
