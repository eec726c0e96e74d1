import type { EnvironmentVariable } from "../config/environment.ts";
import { MAX_CONNECTION_MS } from "../protocol/limits.ts";
import { CLIENT_MESSAGE_PREFIX, SUBSCRIPTIONS_FROM } from "./keys.ts";

/**
 * How long each kind of item is kept, declared once. A bank changes a period with the function's
 * environment variable (see ENVIRONMENT_VARIABLES and docs/RETENTION.md); DynamoDB TTL on `expiresAt`
 * then deletes the item. Periods are whole days, counted from the moment named per kind.
 */
export const RETENTION_DEFAULT_DAYS = {
  /** Chat META, messages and subscriptions: 400 days after the chat ended (13 months and a margin). */
  transcript: 400,
  /** `CASE#` items (cases and complaints): seven years after the chat ended, leap days included. */
  case: 7 * 365 + 2,
  /** `CMID#` idempotency keys: a client retries within seconds, so one day after the chat ended. */
  idempotency: 1,
  /** Agent records: 90 days after the last write (an agent who left is forgotten). */
  agent: 90,
  /** Queue statistics and queue entries: 90 days after the last write (a queue no longer served). */
  queue: 90,
} as const;

export type RetentionKind = keyof typeof RETENTION_DEFAULT_DAYS;
export type RetentionPolicy = { readonly [K in RetentionKind]: number };

export const RETENTION_VARIABLES = {
  transcript: "RETENTION_TRANSCRIPT_DAYS",
  case: "RETENTION_CASE_DAYS",
  idempotency: "RETENTION_IDEMPOTENCY_DAYS",
  agent: "RETENTION_AGENT_DAYS",
  queue: "RETENTION_QUEUE_DAYS",
} as const satisfies Record<RetentionKind, EnvironmentVariable>;

export type RetentionVariable = (typeof RETENTION_VARIABLES)[RetentionKind];

/** A century: anything longer is a typo, and TTL is not the tool for keeping data for ever. */
const MAX_DAYS = 36_500;
const DAY_SECONDS = 24 * 60 * 60;

export class InvalidRetentionError extends Error {
  constructor(variable: string, value: string) {
    super(`${variable} must be a whole number of days from 1 to ${MAX_DAYS}; got "${value.slice(0, 32)}".`);
    this.name = "InvalidRetentionError";
  }
}

/**
 * The periods a function was configured with, defaults where a variable is unset. A value that is not
 * a whole number of days fails the cold start loudly rather than keep data for a period nobody chose.
 */
export function readRetentionPolicy(
  values: { readonly [K in RetentionVariable]?: string } = {},
): RetentionPolicy {
  const policy = { ...RETENTION_DEFAULT_DAYS } as Record<RetentionKind, number>;
  for (const [kind, variable] of Object.entries(RETENTION_VARIABLES) as [
    RetentionKind,
    RetentionVariable,
  ][]) {
    const value = values[variable]?.trim();
    if (!value) continue;
    const days = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
      throw new InvalidRetentionError(variable, value);
    policy[kind] = days;
  }
  return policy;
}

export const defaultRetention: RetentionPolicy = RETENTION_DEFAULT_DAYS;

/** Epoch seconds, as DynamoDB TTL reads them, `days` after `from` (an ISO time or epoch milliseconds). */
export function expiryAfter(from: string | number, days: number): number {
  const ms = typeof from === "number" ? from : Date.parse(from);
  if (Number.isNaN(ms)) throw new RangeError(`Not a time: "${String(from).slice(0, 40)}".`);
  return Math.ceil(ms / 1000) + days * DAY_SECONDS;
}

/** When the items of an ended chat expire, all counted from its `endedAt`. */
export interface ChatExpiries {
  readonly transcript: number;
  readonly case: number;
  readonly idempotency: number;
}

export function chatExpiries(policy: RetentionPolicy, endedAt: string): ChatExpiries {
  return {
    transcript: expiryAfter(endedAt, policy.transcript),
    case: expiryAfter(endedAt, policy.case),
    idempotency: expiryAfter(endedAt, policy.idempotency),
  };
}

/**
 * The expiry an item of a chat's partition gets at closure, from its sort key. A subscription keeps its
 * own short expiry when that comes first: closing a chat never makes anything live longer than it would.
 * Undefined when the item already expires at that time, so a re-run writes nothing.
 */
export function chatItemExpiry(
  sk: string,
  current: number | undefined,
  times: ChatExpiries,
): number | undefined {
  let target = times.transcript;
  if (sk.startsWith(CLIENT_MESSAGE_PREFIX)) target = times.idempotency;
  else if (sk.startsWith(SUBSCRIPTIONS_FROM) && current !== undefined)
    target = Math.min(current, times.transcript);
  return target === current ? undefined : target;
}

/**
 * TTL deletes an item within a few days of its expiry, not at it: a read where an expired item would
 * matter treats it as gone already.
 */
export function isExpired(item: { readonly expiresAt?: unknown } | undefined, now = Date.now()): boolean {
  return typeof item?.expiresAt === "number" && item.expiresAt * 1000 <= now;
}

/**
 * Connection and subscription records outlive no connection: API Gateway closes every connection
 * after two hours, and TTL removes what a missed $disconnect left behind shortly after.
 */
const GRACE_MS = 10 * 60 * 1000;

export const connectionExpiry = (now = Date.now()) => Math.ceil((now + MAX_CONNECTION_MS + GRACE_MS) / 1000);
export const subscriptionExpiry = connectionExpiry;
