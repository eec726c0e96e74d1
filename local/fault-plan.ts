/**
 * A fault plan for the local runtime: which SDK attempts answer with which error, for how many
 * attempts or for how long. Set with `POST /dev/faults` (or `CARECHAT_FAULTS` at start), read with
 * `GET /dev/faults` (what was injected), cleared with `DELETE /dev/faults`. Types only; the injection
 * is in faults.ts.
 */
export type FaultService = "dynamodb" | "connections" | "stepfunctions";

export const FAULT_ERRORS = [
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "InternalServerError",
  "ServiceUnavailable",
  "LimitExceededException",
  "GoneException",
  /** The attempt goes through, then the handler throws: a crash after a commit, before its effects. */
  "CrashAfterCall",
] as const;

export type FaultError = (typeof FAULT_ERRORS)[number];

export interface FaultRule {
  readonly service: FaultService;
  /** The operation (`TransactWriteItems`, `PostToConnection`, `Query`...); `*` or absent: every one. */
  readonly operation?: string;
  readonly error: FaultError;
  /** Only inside this function (`actions`, `ChatClosureFunctionArn`...) or route or state label. */
  readonly functionName?: string;
  readonly label?: string;
  /** Only posts to this connection (`connections` only). */
  readonly connectionId?: string;
  /** How many attempts fail; with neither count nor durationMs, one. */
  readonly count?: number;
  /** How long (from when the plan is set) every matching attempt fails. */
  readonly durationMs?: number;
}

export interface FaultReport {
  readonly rules: readonly (FaultRule & { readonly injected: number; readonly active: boolean })[];
  readonly injected: number;
}
