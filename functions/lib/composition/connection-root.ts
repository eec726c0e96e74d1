import { RevocationStore } from "../auth/revocation-store.ts";
import { maxTokenLifetimeSeconds } from "../auth/token-lifetime.ts";
import { documentClient } from "../aws/document-client.ts";
import { readEnvironment } from "../config/environment.ts";
import { AgentStore } from "../data/agent-store.ts";
import { ConnectionStore } from "../data/connection-store.ts";
import type { Needs } from "../kernel/ports.ts";

export type ConnectionPorts = Needs<"connections" | "agents"> & { readonly revocations: RevocationStore };

let built: ConnectionPorts | undefined;

/** The root of `$connect` and `$disconnect`: the connection and agent stores, DynamoDB only. */
export function connectionPorts(
  fn: "connect" | "disconnect",
  env: NodeJS.ProcessEnv = process.env,
): ConnectionPorts {
  if (built) return built;
  const { TABLE_NAME } = readEnvironment(fn, env);
  const documents = documentClient(env);
  built = {
    connections: new ConnectionStore(documents, TABLE_NAME),
    agents: new AgentStore(documents, TABLE_NAME),
    revocations: new RevocationStore(documents, TABLE_NAME, maxTokenLifetimeSeconds(env)),
  };
  return built;
}
