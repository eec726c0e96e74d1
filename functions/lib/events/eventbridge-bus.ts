import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from "@aws-sdk/client-eventbridge";
import { instrument } from "../aws/instrument.ts";
import type { EventBus } from "./event-bus.ts";
import { type CareEvent, EVENT_SOURCE } from "./event-schemas.ts";

/** PutEvents takes at most 10 entries per call. */
const MAX_ENTRIES = 10;

export class EventsNotAcceptedError extends Error {
  constructor(failed: number, code: string | undefined) {
    super(`EventBridge did not accept ${failed} event(s): ${code ?? "unknown error"}.`);
    this.name = "EventsNotAcceptedError";
  }
}

/**
 * The EventBridge adapter: one PutEvents call per 10 events, source `carechat`. A partial failure
 * throws (only the failed entries would need resending, but a repeat of the accepted ones is what
 * EventBridge's at-least-once delivery already asks subscribers to tolerate). Without a bus name
 * events go to the account's default bus.
 */
export class EventBridgeBus implements EventBus {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string | undefined,
  ) {}

  async publish(events: readonly CareEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += MAX_ENTRIES) {
      const entries: PutEventsRequestEntry[] = events.slice(start, start + MAX_ENTRIES).map((event) => ({
        Source: EVENT_SOURCE,
        DetailType: event.detailType,
        Detail: JSON.stringify(event.detail),
        Time: new Date(event.detail.at),
        ...(this.busName ? { EventBusName: this.busName } : {}),
      }));
      const result = await this.client.send(new PutEventsCommand({ Entries: entries }));
      if ((result.FailedEntryCount ?? 0) > 0) {
        const failed = result.Entries?.find((entry) => entry.ErrorCode);
        throw new EventsNotAcceptedError(result.FailedEntryCount ?? 0, failed?.ErrorCode);
      }
    }
  }
}

let cached: { endpoint: string | undefined; client: EventBridgeClient } | undefined;

/** The EventBridge client, created on first use (`AWS_ENDPOINT_URL_EVENTBRIDGE` locally). */
export function eventBridgeClient(env: NodeJS.ProcessEnv = process.env): EventBridgeClient {
  const endpoint = env.AWS_ENDPOINT_URL_EVENTBRIDGE;
  if (cached && cached.endpoint === endpoint) return cached.client;
  const client = instrument(new EventBridgeClient({}));
  cached = { endpoint, client };
  return client;
}
