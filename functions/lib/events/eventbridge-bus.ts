import type { EventBridgeClient, PutEventsRequestEntry } from "@aws-sdk/client-eventbridge";
import { instrument } from "../aws/instrument.ts";
import { type LazySdk, lazySdkLoader } from "../aws/lazy-sdk.ts";
import { traced } from "../tracer.ts";
import type { EventBus } from "./event-bus.ts";
import { type CareEvent, EVENT_SOURCE } from "./event-schemas.ts";

/** PutEvents takes at most 10 entries per call. */
const MAX_ENTRIES = 10;

/** An EventBridge client that is not loaded until the first event is published (a case, a closure). */
export type LazyEventBridge = LazySdk<typeof import("@aws-sdk/client-eventbridge"), EventBridgeClient>;

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
    private readonly eventBridge: LazyEventBridge,
    private readonly busName: string | undefined,
  ) {}

  async publish(events: readonly CareEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { sdk, client } = await this.eventBridge.load();
    for (let start = 0; start < events.length; start += MAX_ENTRIES) {
      const entries: PutEventsRequestEntry[] = events.slice(start, start + MAX_ENTRIES).map((event) => ({
        Source: EVENT_SOURCE,
        DetailType: event.detailType,
        Detail: JSON.stringify(event.detail),
        Time: new Date(event.detail.at),
        ...(this.busName ? { EventBusName: this.busName } : {}),
      }));
      const result = await client.send(new sdk.PutEventsCommand({ Entries: entries }));
      if ((result.FailedEntryCount ?? 0) > 0) {
        const failed = result.Entries?.find((entry) => entry.ErrorCode);
        throw new EventsNotAcceptedError(result.FailedEntryCount ?? 0, failed?.ErrorCode);
      }
    }
  }
}

/** The EventBridge client, loaded on first use (`AWS_ENDPOINT_URL_EVENTBRIDGE` locally). */
export const eventBridgeClient = lazySdkLoader("AWS_ENDPOINT_URL_EVENTBRIDGE", async () => {
  const sdk = await import("@aws-sdk/client-eventbridge");
  return { sdk, client: traced(instrument(new sdk.EventBridgeClient({}))) };
});
