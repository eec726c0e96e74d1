import type { VirtualAssistant } from "../assistant/types.ts";
import type { ProfilePort } from "../auth/profile-port.ts";
import type { AgentStore } from "../data/agent-store.ts";
import type { CaseStore } from "../data/case-store.ts";
import type { ChatStore } from "../data/chat-store.ts";
import type { ClosureStore } from "../data/closure-store.ts";
import type { ConnectionStore } from "../data/connection-store.ts";
import type { CustomerStore } from "../data/customer-store.ts";
import type { MessageLog } from "../data/message-log.ts";
import type { NoteStore } from "../data/note-store.ts";
import type { PartitionStore } from "../data/partition-store.ts";
import type { QueueStore } from "../data/queue-store.ts";
import type { RetentionPolicy } from "../data/retention.ts";
import type { SeqHoles } from "../data/seq-holes.ts";
import type { SupervisionStore } from "../data/supervision-store.ts";
import type { Transactions } from "../data/transaction.ts";
import type { UploadBucket } from "../data/upload-bucket.ts";
import type { UploadStore } from "../data/upload-store.ts";
import type { UserChatStore } from "../data/user-chat-store.ts";
import type { VerificationStore } from "../data/verification-store.ts";
import type { FrameSender } from "../delivery/frame-sender.ts";
import type { EventBus } from "../events/event-bus.ts";
import type { RoutingConfig } from "../routing/routing-schema.ts";
import type { ClosureWorkflow } from "../workflows/closure-workflow.ts";
import type { HandoffWorkflow } from "../workflows/handoff-workflow.ts";

/** The public surface of an adapter class: what a use case may call, and what a fake must provide. */
export type PortOf<T> = { [K in keyof T]: T[K] };

/**
 * Everything a use case can talk to. No use case takes all of it: each declares the few ports it needs
 * with `Needs<...>`, so a unit test builds only those, and the composition root of each handler builds
 * only what its use cases name.
 */
export interface Ports {
  readonly chats: PortOf<ChatStore>;
  /** The message path's writes: claim a message id, reserve seqs, fill them (data/message-log.ts). */
  readonly messageLog: PortOf<MessageLog>;
  readonly closures: PortOf<ClosureStore>;
  readonly connections: PortOf<ConnectionStore>;
  readonly agents: PortOf<AgentStore>;
  readonly queues: PortOf<QueueStore>;
  readonly transactions: PortOf<Transactions>;
  readonly userChats: PortOf<UserChatStore>;
  /** Whole partitions (retention at closure, erasure) and a customer's chats as a whole (erasure). */
  readonly partitions: PortOf<PartitionStore>;
  readonly customers: PortOf<CustomerStore>;
  /** Staff notes of a chat (whisper), numbered apart from its messages. */
  readonly notes: PortOf<NoteStore>;
  /** Closes seqs that were reserved and never filled, so in-order delivery never waits for ever. */
  readonly seqHoles: PortOf<SeqHoles>;
  /** Queue watchers, queue activity windows and the chats taken from each queue (supervisor tools). */
  readonly supervision: PortOf<SupervisionStore>;
  /** Cases (a chat's own and complaints) and each queue's wrap-up and rating counters. */
  readonly cases: PortOf<CaseStore>;
  /** The retention periods this function was configured with (functions/lib/data/retention.ts). */
  readonly retention: RetentionPolicy;
  readonly sender: PortOf<FrameSender>;
  readonly handoff: PortOf<HandoffWorkflow>;
  readonly closure: PortOf<ClosureWorkflow>;
  readonly routing: RoutingConfig;
  readonly assistant: VirtualAssistant;
  /** Verification requests and each customer's failure count (never the values typed). */
  readonly verifications: PortOf<VerificationStore>;
  /** The bank's system of record for in-session verification (default: the token's claims). */
  readonly profiles: ProfilePort;
  /** Document uploads asked for in a chat, and the bucket their files live in. */
  readonly uploads: PortOf<UploadStore>;
  readonly uploadBucket: PortOf<UploadBucket>;
  /** Events for the bank's systems (case changes, wrap-ups, ratings); published after commit. */
  readonly events: EventBus;
}

export type PortName = keyof Ports;
export type Needs<K extends PortName> = Pick<Ports, K>;
