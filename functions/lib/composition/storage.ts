import { documentClient } from "../aws/document-client.ts";
import { AgentStore } from "../data/agent-store.ts";
import { ChatStore } from "../data/chat-store.ts";
import { ClosureStore } from "../data/closure-store.ts";
import { ConnectionStore } from "../data/connection-store.ts";
import { QueueStore } from "../data/queue-store.ts";
import { Transactions } from "../data/transaction.ts";
import type { Ports } from "../kernel/ports.ts";

export type StoragePorts = Pick<
  Ports,
  "chats" | "closures" | "connections" | "agents" | "queues" | "transactions"
>;

/** Every store of the one table, over one document client. */
export function storagePorts(tableName: string, env: NodeJS.ProcessEnv = process.env): StoragePorts {
  const documents = documentClient(env);
  return {
    chats: new ChatStore(documents, tableName),
    closures: new ClosureStore(documents, tableName),
    connections: new ConnectionStore(documents, tableName),
    agents: new AgentStore(documents, tableName),
    queues: new QueueStore(documents, tableName),
    transactions: new Transactions(documents),
  };
}
