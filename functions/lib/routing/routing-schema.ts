import * as z from "../zod.ts";
import { cannedResponseSchema } from "./canned-responses.ts";
import { clockMinutes, isValidTimeZone } from "./local-time.ts";
import type { Day, Selector } from "./types.ts";
import { DAYS, SEGMENT_VALUES, TOPIC_VALUES } from "./vocabulary.ts";

/**
 * The routing configuration: queues (who serves which country, language, segment and topic, when, and
 * where a chat overflows to), priority rules, phone numbers and the products with lines of their own. `parseRoutingConfig` checks it as a
 * whole; see routing-validation.ts for the rules that span several queues.
 *
 * Opening hours are wall-clock ranges in the queue's time zone, `open` inclusive and `close` exclusive.
 * A range never crosses midnight (`close` is after `open`, "24:00" ends the day): an overnight opening is
 * written as two ranges, e.g. `mon: [{ open: "22:00", close: "24:00" }]` and `tue: [{ open: "00:00", ... }]`,
 * so every range belongs to exactly one weekday and there is no doubt about which day it starts on.
 */

const topic = z.enum(TOPIC_VALUES);
const segment = z.enum(SEGMENT_VALUES);
const countryCode = z
  .string()
  .check(z.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code in upper case, e.g. "US"'));
const languageCode = z
  .string()
  .check(z.regex(/^[a-z]{2,3}$/, 'expected an ISO 639 language code in lower case, e.g. "en"'));
const queueId = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "expected a queue id of lower-case letters, digits and dashes"),
  );
const text = z.string().check(z.trim(), z.minLength(1));
/** Wrap-up codes agents of a queue choose from when a chat ends (functions/lib/cases/wrap-up-codes.ts). */
const wrapUpCodes = z
  .array(
    z
      .string()
      .check(
        z.regex(
          /^[a-z0-9][a-z0-9-]{0,39}$/,
          "expected a wrap-up code of lower-case letters, digits and dashes",
        ),
      ),
  )
  .check(
    z.minLength(1),
    z.refine((codes) => new Set(codes).size === codes.length, { message: "wrap-up codes must be unique" }),
  );
const priority = z.int().check(z.gte(-999), z.lte(999));

/** `"*"`, `["*"]` or a list of values; parsed to `"*"` or the list. */
function selector<T extends string>(item: z.ZodMiniType<T>) {
  const list = z.union([z.literal("*"), z.array(z.union([z.literal("*"), item])).check(z.minLength(1))]);
  return z.pipe(
    list.check(
      z.refine((value) => value === "*" || value.length === 1 || !value.includes("*"), {
        message: '"*" already means every value: write it alone',
      }),
    ),
    z.transform((value): Selector<T> => (value === "*" || value.includes("*") ? "*" : (value as T[]))),
  );
}

const openingRangeSchema = z
  .strictObject({
    open: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected "HH:MM" from 00:00 to 23:59')),
    close: z
      .string()
      .check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected "HH:MM" from 00:00 to 24:00')),
  })
  .check(
    z.refine((range) => clockMinutes(range.close) > clockMinutes(range.open), {
      message: "close must be after open; write an overnight opening as two ranges, one on each day",
      path: ["close"],
    }),
  );

const weeklyScheduleSchema = z
  .strictObject(
    Object.fromEntries(DAYS.map((day) => [day, z.optional(z.array(openingRangeSchema))])) as {
      [K in Day]: z.ZodMiniOptional<z.ZodMiniArray<typeof openingRangeSchema>>;
    },
  )
  .check(
    z.superRefine((schedule, ctx) => {
      for (const day of DAYS) {
        const ranges = [...(schedule[day] ?? [])].sort((a, b) => clockMinutes(a.open) - clockMinutes(b.open));
        ranges.forEach((range, index) => {
          const previous = ranges[index - 1];
          if (previous && clockMinutes(range.open) < clockMinutes(previous.close))
            ctx.addIssue({
              code: "custom",
              path: [day],
              message: `${range.open} opens before ${previous.close} closes`,
            });
        });
      }
      if (DAYS.every((day) => (schedule[day] ?? []).length === 0))
        ctx.addIssue({ code: "custom", message: 'the queue never opens: give some hours or "24/7"' });
    }),
  );

const queueHoursSchema = z.strictObject({
  timeZone: z
    .string()
    .check(z.refine(isValidTimeZone, { message: 'expected an IANA time zone, e.g. "Europe/London"' })),
  schedule: z.union([z.literal("24/7"), weeklyScheduleSchema]),
});

const routingQueueSchema = z.strictObject({
  id: queueId,
  name: text,
  /** Supervisor queues are reached only by escalation, never by matching. */
  kind: z._default(z.enum(["standard", "supervisor"]), "standard"),
  countries: selector(countryCode),
  languages: selector(languageCode),
  segments: selector(segment),
  topics: selector(topic),
  hours: queueHoursSchema,
  /** After `afterSeconds` in this queue without an agent, the chat moves to `queueId`. */
  overflow: z.optional(z.strictObject({ queueId, afterSeconds: z.int().check(z.gte(1), z.lte(86_400)) })),
  offerTimeoutSeconds: z._default(z.int().check(z.gte(5), z.lte(600)), 30),
  /**
   * With no overflow: how long a chat may wait here before the customer is told no agent could take it,
   * given the phone number, and handed back to the assistant.
   */
  maxWaitSeconds: z._default(z.int().check(z.gte(1), z.lte(86_400)), 3_600),
  basePriority: z._default(priority, 0),
  /** The wrap-up codes of this queue; without them, the default codes (one per topic of the seed). */
  wrapUpCodes: z.optional(wrapUpCodes),
});

/**
 * A product served by a phone line of its own (prepaid cards, gift cards): the assistant recognises it
 * by `names` and gives its number, and `segment` says whose it is.
 */
const productSchema = z.strictObject({
  id: queueId,
  /** As customers read it, e.g. "American Express Serve". */
  name: text,
  /** Phrases customers use for the product, matched as whole words without case or accents. */
  names: z.array(text).check(z.minLength(1)),
  segment,
  /** Country code → the number to call about the product. */
  contactNumbers: z
    .record(countryCode, text)
    .check(z.refine((numbers) => Object.keys(numbers).length > 0, { message: "give at least one number" })),
});

export const routingConfigShape = z.strictObject({
  version: text,
  queues: z.array(routingQueueSchema).check(z.minLength(1)),
  /** Where a chat goes when nothing else matches. */
  defaultQueueId: queueId,
  supervisorQueueId: queueId,
  /** Added to the priority of every chat with the topic; several rules for one topic add up. */
  priorityRules: z._default(z.array(z.strictObject({ topic, boost: priority })), []),
  /**
   * A fraud chat still waiting for an agent this many seconds after it was queued is reminded, once per
   * chat, to call the number for its country now (the issuer's guide: fraud happening now → call). 0 off.
   */
  fraudReminderSeconds: z._default(z.int().check(z.gte(0), z.lte(86_400)), 120),
  /** Country code → the phone number customers of that country call. */
  contactNumbers: z._default(z.record(countryCode, text), {}),
  /** What to tell a customer whose country has no number, e.g. "the number on the back of your card". */
  defaultContactNumber: text,
  /** The same in other languages, by language code; `defaultContactNumber` serves the rest. */
  defaultContactNumberByLanguage: z._default(z.record(languageCode, text), {}),
  products: z._default(
    z.array(productSchema).check(
      z.refine((products) => new Set(products.map((product) => product.id)).size === products.length, {
        message: "product ids must be unique",
      }),
    ),
    [],
  ),
  /** What agents' desks insert into the composer, per queue and language (see canned-responses.ts). */
  cannedResponses: z._default(z.array(cannedResponseSchema), []),
});

export type RoutingConfig = z.output<typeof routingConfigShape>;
export type RoutingConfigInput = z.input<typeof routingConfigShape>;
export type RoutingQueue = z.output<typeof routingQueueSchema>;
export type RoutingQueueInput = z.input<typeof routingQueueSchema>;
export type RoutingProduct = z.output<typeof productSchema>;
export type RoutingProductInput = z.input<typeof productSchema>;
export type QueueHours = z.output<typeof queueHoursSchema>;
export type QueueHoursInput = z.input<typeof queueHoursSchema>;
export type WeeklySchedule = z.output<typeof weeklyScheduleSchema>;
export type OpeningRange = z.output<typeof openingRangeSchema>;
export type OpeningRangeInput = z.input<typeof openingRangeSchema>;
