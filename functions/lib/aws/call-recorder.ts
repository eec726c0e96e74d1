import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Records the AWS SDK calls one handler invocation makes, so the benchmark can count how many of
 * them ran one after another. Nothing is recorded unless a caller opened a recording scope, so on
 * Lambda this costs one AsyncLocalStorage lookup per call.
 */
export interface RecordedCall {
  readonly command: string;
  readonly startedAt: number;
  endedAt: number;
}

const storage = new AsyncLocalStorage<RecordedCall[]>();

export function recordCalls<T>(calls: RecordedCall[], fn: () => Promise<T>): Promise<T> {
  return storage.run(calls, fn);
}

export function startCall(command: string): RecordedCall | undefined {
  const calls = storage.getStore();
  if (!calls) return undefined;
  const call = { command, startedAt: performance.now(), endedAt: Number.NaN };
  calls.push(call);
  return call;
}

/**
 * The number of waves of calls: a call that starts after every earlier call has ended begins a new
 * wave; calls that overlap run in parallel and share one.
 */
export function sequentialDepth(calls: readonly RecordedCall[]): number {
  const ordered = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  let waves = 0;
  let latestEnd = Number.NEGATIVE_INFINITY;
  for (const call of ordered) {
    if (call.startedAt >= latestEnd) waves += 1;
    latestEnd = Math.max(latestEnd, call.endedAt);
  }
  return waves;
}
