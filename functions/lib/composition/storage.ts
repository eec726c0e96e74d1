import { documentClient } from "../aws/document-client.ts";
import { forgetConnection } from "../connections/close-connection.ts";
import { AgentStore } from "../data/agent-store.ts";
import { CaseStore } from "../data/case-store.ts";
import { ChatStore } from "../data/chat-store.ts";
import { ClosureStore } from "../data/closure-store.ts";
import { ConnectionStore } from "../data/connection-store.ts";
import { CustomerStore } from "../data/customer-store.ts";
import { MessageLog } from "../data/message-log.ts";
import { NoteStore } from "../data/note-store.ts";
import { PartitionStore } from "../data/partition-store.ts";
import { QueueStore } from "../data/queue-store.ts";
import { defaultRetention, type RetentionPolicy } from "../data/retention.ts";
import { SeqHoles } from "../data/seq-holes.ts";
import { SupervisionStore } from "../data/supervision-store.ts";
import { Transactions } from "../data/transaction.ts";
import { UploadStore } from "../data/upload-store.ts";
import { UserChatStore } from "../data/user-chat-store.ts";
import { VerificationStore } from "../data/verification-store.ts";
import type { ConnectionDirectory } from "../delivery/frame-sender.ts";
import type { Ports } from "../kernel/ports.ts";

export type StoragePorts = Pick<
  Ports,
  | "chats"
  | "messageLog"
  | "closures"
  | "connections"
  | "agents"
  | "queues"
  | "transactions"
  | "userChats"
  | "partitions"
  | "customers"
  | "cases"
  | "retention"
  | "verifications"
  | "uploads"
  | "notes"
  | "seqHoles"
  | "supervision"
>;

/** What the frame sender is given: connections by user, and the one rule for forgetting a gone one. */
export function connectionDirectory(
  storage: Pick<StoragePorts, "connections" | "agents">,
): ConnectionDirectory {
  return {
    listForUser: (userId) => storage.connections.listForUser(userId),
    forgetGone: (connectionId, chatId) => forgetConnection(storage, connectionId, chatId),
  };
}

/** Every store of the one table, over one document client, writing expiries from `retention`. */
export function storagePorts(
  tableName: string,
  env: NodeJS.ProcessEnv = process.env,
  retention: RetentionPolicy = defaultRetention,
): StoragePorts {
  const documents = documentClient(env);
  return {
    chats: new ChatStore(documents, tableName),
    messageLog: new MessageLog(documents, tableName),
    closures: new ClosureStore(documents, tableName),
    connections: new ConnectionStore(documents, tableName),
    agents: new AgentStore(documents, tableName, retention.agent),
    queues: new QueueStore(documents, tableName, retention.queue),
    transactions: new Transactions(documents),
    userChats: new UserChatStore(documents, tableName),
    partitions: new PartitionStore(documents, tableName),
    customers: new CustomerStore(documents, tableName),
    notes: new NoteStore(documents, tableName),
    seqHoles: new SeqHoles(documents, tableName),
    supervision: new SupervisionStore(documents, tableName),
    cases: new CaseStore(documents, tableName, retention),
    retention,
    verifications: new VerificationStore(documents, tableName),
    uploads: new UploadStore(documents, tableName),
  };
}
