/**
 * The custom metrics the handlers publish with Powertools Metrics (EMF), namespace `carechat`, default
 * dimension `service` = POWERTOOLS_SERVICE_NAME. The alarms and the dashboard read exactly these names
 * with exactly that one dimension: a metric published with extra dimensions is a different metric.
 */
export const METRICS_NAMESPACE = "carechat";

/** The `service` dimension's value (POWERTOOLS_SERVICE_NAME on every function). */
export const METRICS_SERVICE = "carechat";

/** Custom metric names, what each counts and its unit. */
export const CUSTOM_METRICS = {
  /** `@connections` posts that failed with 429/5xx after their retries (410 Gone is not a failure). Count. */
  DeliveriesFailed: "DeliveriesFailed",
  /** Sequencing collisions a send had to retry (a burst into one chat). Count. */
  Conflicts: "Conflicts",
  /** Requests refused with RATE_LIMITED. Count. */
  RateLimited: "RateLimited",
  /** Live-agent handoff executions started. Count. */
  HandoffsStarted: "HandoffsStarted",
  /** Offers to an agent that expired unanswered. Count. */
  OffersExpired: "OffersExpired",
  /** How long a customer waited from enqueue to an accepted offer. Seconds, one value per handoff. */
  WaitSeconds: "WaitSeconds",
  /** Things the reconciler repaired (stranded chats, offers, agent slots). Count. */
  ReconcilerRepairs: "ReconcilerRepairs",
  /** Closure tasks that failed after their retries. Count. */
  ClosureFailures: "ClosureFailures",
  /** Handoff tasks that failed after their retries. Count. */
  HandoffFailures: "HandoffFailures",
  /** Chats waiting in all queues, published by the queue ticker every minute. Count. */
  QueueDepth: "QueueDepth",
  /** The longest current wait over all queues, published by the queue ticker. Seconds. */
  LongestWaitSeconds: "LongestWaitSeconds",
  /** Queued customers who left (or were dropped) before an agent took the chat. Count. */
  Abandoned: "Abandoned",
  /** Messages stored (a customer's or agent's, with the assistant's answers). Count. */
  Messages: "Messages",
  /** Requests refused RATE_LIMITED because DynamoDB throttled them past the SDK's retries. Count. */
  ServiceThrottled: "ServiceThrottled",
  /** Connections refused at connect: the user already held MAX_CONNECTIONS_PER_USER. Count. */
  ConnectionsRefused: "ConnectionsRefused",
  /** startChat refused: the customer already held MAX_OPEN_CHATS_PER_CUSTOMER open chats. Count. */
  OpenChatCapReached: "OpenChatCapReached",
} as const;

export type CustomMetricName = keyof typeof CUSTOM_METRICS;
