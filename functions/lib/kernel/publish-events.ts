import type { CareEvent } from "../events/event-schemas.ts";
import { afterCommit } from "./after-commit.ts";
import type { Needs } from "./ports.ts";

/**
 * Publishes events about work already committed: retried with backoff within afterCommit's budget,
 * never thrown at the caller (who must answer success); an event that still fails is logged with its
 * detail type and case number (never its text) and counted as `EffectsFailed`, so it is not lost
 * silently — an alarm on that metric, and the case item itself, are where to recover it from.
 */
export async function publishEvents(deps: Needs<"events">, events: readonly CareEvent[]): Promise<void> {
  if (events.length === 0) return;
  const label = events.map((event) => `${event.detailType}:${event.detail.caseNumber}`).join(",");
  await afterCommit(`publishEvents ${label}`, () => deps.events.publish(events));
}
