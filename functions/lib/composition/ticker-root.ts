import { connectionsClient } from "../aws/connections-client.ts";
import { readEnvironment } from "../config/environment.ts";
import { readRoutingConfig } from "../config/routing-source.ts";
import { readRetentionPolicy } from "../data/retention.ts";
import { FrameSender } from "../delivery/frame-sender.ts";
import type { Needs } from "../kernel/ports.ts";
import { connectionDirectory, storagePorts } from "./storage.ts";

export type TickerPorts = Needs<"queues" | "agents" | "sender" | "routing" | "supervision" | "connections">;

let built: TickerPorts | undefined;

/** The queue ticker's root: stores, delivery and routing; no workflow client, so none is bundled. */
export function tickerPorts(env: NodeJS.ProcessEnv = process.env): TickerPorts {
  if (built) return built;
  const config = readEnvironment("queue-ticker", env);
  const storage = storagePorts(config.TABLE_NAME, env, readRetentionPolicy(config));
  built = {
    queues: storage.queues,
    agents: storage.agents,
    supervision: storage.supervision,
    connections: storage.connections,
    sender: new FrameSender(connectionsClient(config.WS_MANAGEMENT_ENDPOINT), connectionDirectory(storage)),
    routing: readRoutingConfig(config.ROUTING_CONFIG_FILE),
  };
  return built;
}
