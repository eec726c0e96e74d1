import { documentClient } from "../aws/document-client.ts";
import { AgentStore } from "../data/agent-store.ts";
import { ChatStore } from "../data/chat-store.ts";
import { ClosureStore } from "../data/closure-store.ts";
import { ConnectionStore } from "../data/connection-store.ts";
import { CustomerStore } from "../data/customer-store.ts";
import { PartitionStore } from "../data/partition-store.ts";
import { QueueStore } from "../data/queue-store.ts";
import { defaultRetention, type RetentionPolicy } from "../data/retention.ts";
import { Transactions } from "../data/transaction.ts";
import type { Ports } from "../kernel/ports.ts";

export type StoragePorts = Pick<
  Ports,
  | "chats"
  | "closures"
  | "connections"
  | "agents"
  | "queues"
  | "transactions"
  | "partitions"
  | "customers"
  | "retention"
>;

/** Every store of the one table, over one document client, writing expiries from `retention`. */
export function storagePorts(
  tableName: string,
  env: NodeJS.ProcessEnv = process.env,
  retention: RetentionPolicy = defaultRetention,
): StoragePorts {
  const documents = documentClient(env);
  return {
    chats: new ChatStore(documents, tableName),
    closures: new ClosureStore(documents, tableName),
    connections: new ConnectionStore(documents, tableName),
    agents: new AgentStore(documents, tableName, retention.agent),
    queues: new QueueStore(documents, tableName, retention.queue),
    transactions: new Transactions(documents),
    partitions: new PartitionStore(documents, tableName),
    customers: new CustomerStore(documents, tableName),
    retention,
  };
}
