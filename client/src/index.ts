/**
 * carechat's client SDK: `CareChatClient` for applications, `Connection` for raw frames, and the
 * protocol's types. No runtime dependency; uses the global WebSocket unless one is passed in.
 */
export { backoffDelay } from "./backoff.ts";
export { ChatTracker } from "./chat-tracker.ts";
export { CareChatClient } from "./client.ts";
export { Connection, DEFAULT_KEEP_ALIVE_MS, DEFAULT_MAX_CONNECTION_MS, PLANNED_CLOSE } from "./connection.ts";
export { CareChatError, type ClientErrorCode, isCareChatError } from "./errors.ts";
export { Outbox, type OutboxTransport } from "./outbox.ts";
export { newRequestId, Requests } from "./requests.ts";
export type * from "./types.ts";
