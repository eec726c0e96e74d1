import type { RoutingConfig } from "./routing-schema.ts";

export const findQueue = (config: RoutingConfig, queueId: string) =>
  config.queues.find((queue) => queue.id === queueId);
