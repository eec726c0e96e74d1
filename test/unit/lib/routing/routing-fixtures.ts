import type {
  RoutingConfigInput,
  RoutingQueueInput,
} from "../../../../functions/lib/routing/routing-schema.ts";

/** A standard 24/7 queue for every country, language, segment and topic, with `fields` on top. */
export function queue(id: string, fields: Partial<RoutingQueueInput> = {}): RoutingQueueInput {
  return {
    id,
    name: `Queue ${id}`,
    countries: "*",
    languages: "*",
    segments: "*",
    topics: "*",
    hours: { timeZone: "America/New_York", schedule: "24/7" },
    ...fields,
  };
}

/** The smallest valid configuration: a US English queue open 24/7 and a supervisors' queue. */
export function minimalConfig(fields: Partial<RoutingConfigInput> = {}): RoutingConfigInput {
  return {
    version: "test-1",
    defaultQueueId: "general",
    supervisorQueueId: "supervisors",
    queues: [
      queue("general", { countries: ["US"], languages: ["en"] }),
      queue("supervisors", { kind: "supervisor", languages: ["en", "es"] }),
    ],
    defaultContactNumber: "the number on the back of your card",
    ...fields,
  };
}

/** `minimalConfig` with more queues after its own. */
export function configWith(...queues: RoutingQueueInput[]): RoutingConfigInput {
  const base = minimalConfig();
  return { ...base, queues: [...base.queues, ...queues] };
}
