import type { CareEvent } from "./event-schemas.ts";

/**
 * Where carechat publishes events for the bank's systems. On AWS an EventBridge event bus
 * (eventbridge-bus.ts); the local runtime answers the same PutEvents API and keeps the events in a
 * JSON-lines file (local/event-log.ts). `publish` throws if any event was not accepted, so the
 * caller's retry (afterCommit) sends it again.
 */
export interface EventBus {
  publish(events: readonly CareEvent[]): Promise<void>;
}
