import { CASE_KINDS, CASE_STATUSES } from "../data/case-records.ts";
import { participantRoles } from "../protocol/server-frames.ts";
import * as z from "../zod.ts";

/**
 * The events carechat publishes for a bank's systems (CRM, analytics), source `carechat`, one
 * EventBridge detail type each. The `detail` schemas are defined once here; docs/events/*.schema.json
 * are generated from them (`npm run asyncapi`) and a unit test keeps them current. Every free text in
 * a detail (notes, complaint text, rating comment) is masked before it is stored, and events carry
 * only the stored, masked value. `version` rises when a field changes meaning.
 */
export const EVENT_SOURCE = "carechat";

const actor = z.object({
  role: z.enum(participantRoles),
  id: z.optional(z.string()),
  name: z.optional(z.string()),
});

const caseFields = {
  version: z.literal(1),
  caseNumber: z.string(),
  chatId: z.string(),
  kind: z.enum(CASE_KINDS),
  /** The customer's id (the token's `sub`), so a CRM can file the case. */
  customerId: z.optional(z.string()),
  at: z.string(),
};

export const caseCreatedDetail = z.object({ ...caseFields, status: z.enum(CASE_STATUSES) });

export const caseStatusChangedDetail = z.object({
  ...caseFields,
  from: z.enum(CASE_STATUSES),
  to: z.enum(CASE_STATUSES),
  note: z.optional(z.string()),
  by: z.optional(actor),
});

export const complaintLoggedDetail = z.object({
  ...caseFields,
  /** The chat's own case number, which the complaint was logged in. */
  chatCaseNumber: z.optional(z.string()),
  text: z.string(),
  by: actor,
});

export const chatWrappedUpDetail = z.object({
  ...caseFields,
  code: z.string(),
  note: z.optional(z.string()),
  queueId: z.optional(z.string()),
  by: actor,
});

export const chatRatedDetail = z.object({
  ...caseFields,
  score: z.number().check(z.int(), z.gte(1), z.lte(5)),
  comment: z.optional(z.string()),
  queueId: z.optional(z.string()),
});

export const eventDetailSchemas = {
  "Case Created": caseCreatedDetail,
  "Case Status Changed": caseStatusChangedDetail,
  "Complaint Logged": complaintLoggedDetail,
  "Chat Wrapped Up": chatWrappedUpDetail,
  "Chat Rated": chatRatedDetail,
} as const;

export type CareEventType = keyof typeof eventDetailSchemas;
export const CARE_EVENT_TYPES = Object.keys(eventDetailSchemas) as CareEventType[];
export type CareEventDetail<T extends CareEventType> = z.output<(typeof eventDetailSchemas)[T]>;

/** One event to publish; `detailType` picks the schema of `detail`. */
export type CareEvent = {
  [T in CareEventType]: { readonly detailType: T; readonly detail: CareEventDetail<T> };
}[CareEventType];

/** The JSON Schema of each detail type, as published in docs/events/. */
export function eventJsonSchemas(): Record<CareEventType, Record<string, unknown>> {
  return Object.fromEntries(
    CARE_EVENT_TYPES.map((type) => [
      type,
      {
        ...(z.toJSONSchema(eventDetailSchemas[type], { io: "output" }) as Record<string, unknown>),
        title: type,
        description: `The detail of a "${type}" event (source "${EVENT_SOURCE}").`,
      },
    ]),
  ) as unknown as Record<CareEventType, Record<string, unknown>>;
}
