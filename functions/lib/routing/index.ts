export { contactNumberFor, knownContactNumber } from "./contact-numbers.ts";
export { findQueue } from "./find-queue.ts";
export { describeHours, isOpen, nextOpening, type WithHours } from "./hours.ts";
export { parseRoutingConfig, RoutingConfigError, routingConfigSchema } from "./parse-routing-config.ts";
export { normalizeCountry, normalizeLanguage, routeChat } from "./route-chat.ts";
export type {
  OpeningRange,
  OpeningRangeInput,
  QueueHours,
  QueueHoursInput,
  RoutingConfig,
  RoutingConfigInput,
  RoutingQueue,
  RoutingQueueInput,
  WeeklySchedule,
} from "./routing-schema.ts";
export { overflowChain } from "./routing-validation.ts";
export type { Day, RoutingDecision, RoutingRequest, Segment, Selector, Wildcard } from "./types.ts";
export { DAYS, SEGMENTS, TOPICS } from "./vocabulary.ts";
