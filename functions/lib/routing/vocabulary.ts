import type { Topic } from "../vocabulary/topics.ts";
import type { Day, Segment } from "./types.ts";

/** The values a routing configuration can name, as runtime lists for the schema and the router. */

// The mapped types make these fail to compile when a topic, day or segment is added to or removed from its type.
export const TOPIC_VALUES = {
  billing: "billing",
  dispute: "dispute",
  "card-services": "card-services",
  rewards: "rewards",
  "account-changes": "account-changes",
  credit: "credit",
  travel: "travel",
  fraud: "fraud",
  complaint: "complaint",
  "agent-request": "agent-request",
  general: "general",
} as const satisfies { [K in Topic]: K };

export const DAY_VALUES = {
  mon: "mon",
  tue: "tue",
  wed: "wed",
  thu: "thu",
  fri: "fri",
  sat: "sat",
  sun: "sun",
} as const satisfies { [K in Day]: K };

export const SEGMENT_VALUES = {
  consumer: "consumer",
  "small-business": "small-business",
  corporate: "corporate",
  prepaid: "prepaid",
  merchant: "merchant",
} as const satisfies { [K in Segment]: K };

export const TOPICS: readonly Topic[] = Object.values(TOPIC_VALUES);
/** Monday first, as schedules are written; index 0 is Monday. */
export const DAYS: readonly Day[] = Object.values(DAY_VALUES);
export const SEGMENTS: readonly Segment[] = Object.values(SEGMENT_VALUES);
