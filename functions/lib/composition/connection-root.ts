import { maxTokenLifetimeSeconds } from "../auth/token-lifetime.ts";
import { documentClient } from "../aws/document-client.ts";
import { readEnvironment } from "../config/environment.ts";
import { AgentStore } from "../data/agent-store.ts";
import { ConnectionStore } from "../data/connection-store.ts";
import { readRetentionPolicy } from "../data/retention.ts";
import { RevocationStore } from "../data/revocation-store.ts";
import type { Needs } from "../kernel/ports.ts";

export type ConnectionPorts = Needs<"connections" | "agents"> & { readonly revocations: RevocationStore };

/** One set per function name: the local runtime runs both in one process (see chat-root.ts). */
const built = new Map<string, ConnectionPorts>();

/** The root of `$connect` and `$disconnect`: the connection and agent stores, DynamoDB only. */
export function connectionPorts(
  fn: "connect" | "disconnect",
  env: NodeJS.ProcessEnv = process.env,
): ConnectionPorts {
  const existing = built.get(fn);
  if (existing) return existing;
  const config: { TABLE_NAME: string; RETENTION_AGENT_DAYS?: string } = readEnvironment(fn, env);
  const documents = documentClient(env);
  const ports: ConnectionPorts = {
    connections: new ConnectionStore(documents, config.TABLE_NAME),
    // `$disconnect` signs an agent out, which refreshes the record's expiry; `$connect` writes none.
    agents: new AgentStore(documents, config.TABLE_NAME, readRetentionPolicy(config).agent),
    revocations: new RevocationStore(documents, config.TABLE_NAME, maxTokenLifetimeSeconds(env)),
  };
  built.set(fn, ports);
  return ports;
}
