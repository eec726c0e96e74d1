import { readFileSync } from "node:fs";
import { defaultRouting } from "../../../infra/routing/default-routing.ts";
import { parseRoutingConfig, type RoutingConfig } from "./routing-schema.ts";

export { contactNumberFor, knownContactNumber } from "./contact-numbers.ts";
export { describeHours, isOpen, nextOpening, type WithHours } from "./hours.ts";
export { normalizeCountry, normalizeLanguage, routeChat } from "./route-chat.ts";
export {
  type OpeningRange,
  type OpeningRangeInput,
  parseRoutingConfig,
  type QueueHours,
  type QueueHoursInput,
  type RoutingConfig,
  RoutingConfigError,
  type RoutingConfigInput,
  type RoutingQueue,
  type RoutingQueueInput,
  routingConfigSchema,
  type WeeklySchedule,
} from "./routing-schema.ts";
export { overflowChain } from "./routing-validation.ts";
export type { Day, RoutingDecision, RoutingRequest, Segment, Selector, Wildcard } from "./types.ts";
export { DAYS, SEGMENTS, TOPICS } from "./vocabulary.ts";

let loaded: RoutingConfig | undefined;

export const findQueue = (config: RoutingConfig, queueId: string) =>
  config.queues.find((queue) => queue.id === queueId);

/**
 * The shipped routing configuration (infra/routing/default-routing.ts), or the JSON file named by
 * CARECHAT_ROUTING_FILE (the local runtime and tests use it for short timers), parsed and checked on the first
 * call and shared afterwards: handlers call this on every request, and a broken configuration fails the
 * first of them loudly rather than routing chats wrongly. It is frozen, since every caller shares it.
 */
export function loadRoutingConfig(env: NodeJS.ProcessEnv = process.env): RoutingConfig {
  if (loaded) return loaded;
  const file = env.CARECHAT_ROUTING_FILE;
  loaded = deepFreeze(parseRoutingConfig(file ? JSON.parse(readFileSync(file, "utf8")) : defaultRouting));
  return loaded;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
