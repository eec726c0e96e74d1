import type { RoutingConfig } from "../routing/routing-schema.ts";

/** The queues a staff member's token names, with `"*"` read as every configured queue. */
export function servedQueues(routing: RoutingConfig, queues: readonly string[]): string[] {
  return queues.includes("*") ? routing.queues.map((queue) => queue.id) : [...queues];
}
