import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One event as the local bus keeps it: what EventBridge would deliver to a rule's target. */
export interface LoggedEvent {
  readonly id: string;
  readonly time: string;
  readonly source: string;
  readonly detailType: string;
  readonly eventBusName: string;
  readonly detail: unknown;
}

interface PutEventsEntry {
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly EventBusName?: string;
  readonly Time?: number | string;
}

/**
 * The local stand-in for an EventBridge bus. The functions publish through the real EventBridge
 * client and adapter (AWS_ENDPOINT_URL_EVENTBRIDGE points here), and this answers PutEvents by
 * appending each event as one JSON line to `events.jsonl` in the data directory, so the events survive
 * a restart like the table does, a developer can `tail -f` them, and `GET /dev/events?after=N` serves
 * them (with `next` to poll from) to tests and tools — a bank's CRM integration can be tried against it.
 */
export class LocalEventLog {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, "events.jsonl");
  }

  /** The PutEvents operation of the AWS JSON 1.1 protocol; an entry without a detail is refused as AWS does. */
  putEvents(body: { Entries?: PutEventsEntry[] }) {
    const entries = body.Entries ?? [];
    const results = entries.map((entry) => {
      if (!entry.Source || !entry.DetailType || !entry.Detail)
        return { ErrorCode: "MalformedDetail", ErrorMessage: "Source, DetailType and Detail are required." };
      let detail: unknown;
      try {
        detail = JSON.parse(entry.Detail);
      } catch {
        return { ErrorCode: "MalformedDetail", ErrorMessage: "Detail is not valid JSON." };
      }
      const event: LoggedEvent = {
        id: randomUUID(),
        time: toIsoTime(entry.Time),
        source: entry.Source,
        detailType: entry.DetailType,
        eventBusName: entry.EventBusName ?? "default",
        detail,
      };
      appendFileSync(this.file, `${JSON.stringify(event)}\n`);
      return { EventId: event.id };
    });
    return { FailedEntryCount: results.filter((result) => "ErrorCode" in result).length, Entries: results };
  }

  /** Events after the first `after` ones, in publication order. */
  read(after = 0): { events: LoggedEvent[]; next: number } {
    const lines = existsSync(this.file) ? readFileSync(this.file, "utf8").split("\n").filter(Boolean) : [];
    const events = lines.slice(Math.max(0, after)).map((line) => JSON.parse(line) as LoggedEvent);
    return { events, next: lines.length };
  }
}

/** The SDK sends `Time` as epoch seconds. */
function toIsoTime(time: number | string | undefined): string {
  if (typeof time === "number") return new Date(time * 1000).toISOString();
  if (typeof time === "string" && !Number.isNaN(Date.parse(time))) return new Date(time).toISOString();
  return new Date().toISOString();
}
