/**
 * A seam below every SDK client's retry strategy and above its HTTP handler: a hook sees each attempt
 * (service, operation, input) and may answer it itself. Nothing in the functions registers one, and no
 * setting turns one on: only the local runtime does (`local/faults.ts` injects faults through it), so on
 * Lambda the list is empty and each attempt costs one array length check.
 */
export interface AttemptContext {
  /** The client's name as the SDK gives it, e.g. `DynamoDBClient`, `ApiGatewayManagementApiClient`. */
  readonly clientName: string;
  /** The operation without `Command`, e.g. `TransactWriteItems`, `PostToConnection`. */
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/** Sends the attempt on (to the HTTP handler) and returns its raw `{ response }`. */
export type SendAttempt = () => Promise<unknown>;

export type AttemptHook = (attempt: AttemptContext, send: SendAttempt) => Promise<unknown>;

const hooks: AttemptHook[] = [];

/** Registers a hook for every client of this process; returns a function that removes it. */
export function addAttemptHook(hook: AttemptHook): () => void {
  hooks.push(hook);
  return () => {
    const index = hooks.indexOf(hook);
    if (index >= 0) hooks.splice(index, 1);
  };
}

/** Runs an attempt through the registered hooks (the first registered is outermost). */
export function runAttempt(attempt: AttemptContext, send: SendAttempt): Promise<unknown> {
  if (hooks.length === 0) return send();
  const chain = hooks.reduceRight<SendAttempt>((inner, hook) => () => hook(attempt, inner), send);
  return chain();
}
