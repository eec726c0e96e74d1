import type { AssistantReply, VirtualAssistant } from "../../../functions/lib/assistant/types.ts";
import type { Identity } from "../../../functions/lib/auth/identity.ts";
import type { AgentRecord, QueueEntry } from "../../../functions/lib/data/agent-records.ts";
import type { ChatRecord, SubscriptionRecord } from "../../../functions/lib/data/records.ts";
import { defaultRetention } from "../../../functions/lib/data/retention.ts";
import type { Caller } from "../../../functions/lib/kernel/caller.ts";
import type { Ports } from "../../../functions/lib/kernel/ports.ts";
import {
  parseRoutingConfig,
  type RoutingConfig,
  type RoutingQueueInput,
} from "../../../functions/lib/routing/index.ts";
import { ClaimsProfile } from "../../../functions/lib/verification/claims-profile.ts";
import { MemoryAgentStore } from "./memory-agent-store.ts";
import { MemoryCaseStore, RecordingEventBus } from "./memory-cases.ts";
import { MemoryChatStore } from "./memory-chat-store.ts";
import { MemoryMessageLog } from "./memory-message-log.ts";
import { MemoryPartitions } from "./memory-partitions.ts";
import { MemoryQueueStore } from "./memory-queue-store.ts";
import { MemoryUploadBucket, MemoryUploadStore, MemoryVerificationStore } from "./memory-secure-steps.ts";
import { MemoryClosureStore, MemoryConnectionStore, MemoryUserChatStore } from "./memory-side-stores.ts";
import { MemoryNoteStore, MemorySupervisionStore } from "./memory-supervision.ts";
import { copy, MemoryTable, MemoryTransactions } from "./memory-table.ts";
import {
  RecordingClosureWorkflow,
  RecordingFrameSender,
  RecordingHandoffWorkflow,
} from "./recording-outbound.ts";

const queue = (id: string, fields: Partial<RoutingQueueInput> = {}): RoutingQueueInput => ({
  id,
  name: `Queue ${id}`,
  countries: "*",
  languages: "*",
  segments: "*",
  topics: "*",
  hours: { timeZone: "America/New_York", schedule: "24/7" },
  ...fields,
});

/** Three always-open queues: `general` (the default), `billing`, and the supervisors' queue. */
export const testRouting: RoutingConfig = parseRoutingConfig({
  version: "unit-1",
  defaultQueueId: "general",
  supervisorQueueId: "supervisors",
  queues: [queue("general"), queue("billing"), queue("supervisors", { kind: "supervisor" })],
  defaultContactNumber: "the number on the back of your card",
});

/** An assistant that answers every turn with `reply` (a test sets it); it never greets here. */
export class ScriptedAssistant implements VirtualAssistant {
  readonly turns: string[] = [];
  nextReply: Omit<AssistantReply, "state"> = { messages: ["Noted."], wantsAgent: false, urgentFraud: false };

  greet(): AssistantReply {
    throw new Error("not used: chats are seeded, never started, in these tests");
  }

  async reply(turn: Parameters<VirtualAssistant["reply"]>[0]): Promise<AssistantReply> {
    this.turns.push(turn.text);
    return { ...this.nextReply, state: { ...turn.state, turns: turn.state.turns + 1 } };
  }
}

export interface InMemoryWorld {
  readonly ports: Ports;
  readonly table: MemoryTable;
  readonly sender: RecordingFrameSender;
  readonly handoff: RecordingHandoffWorkflow;
  readonly closure: RecordingClosureWorkflow;
  readonly assistant: ScriptedAssistant;
  readonly cases: MemoryCaseStore;
  readonly events: RecordingEventBus;
  /** Opens a connection for `identity` (what `$connect` records) and returns its caller. */
  connect(identity: Identity, connectionId?: string): Caller;
  seedChat(chat: ChatRecord, subscribers?: readonly Caller[]): void;
  seedAgent(agent: AgentRecord): void;
  seedEntry(entry: QueueEntry): void;
}

/** Every port over one in-memory table, the outbound ones recording what they were asked to do. */
export function inMemoryWorld(routing: RoutingConfig = testRouting): InMemoryWorld {
  const table = new MemoryTable();
  const connections = new MemoryConnectionStore(table);
  const sender = new RecordingFrameSender(table, connections);
  const handoff = new RecordingHandoffWorkflow();
  const closure = new RecordingClosureWorkflow();
  const assistant = new ScriptedAssistant();
  const cases = new MemoryCaseStore();
  const events = new RecordingEventBus();
  const ports: Ports = {
    chats: new MemoryChatStore(table),
    messageLog: new MemoryMessageLog(table),
    closures: new MemoryClosureStore(table),
    connections,
    agents: new MemoryAgentStore(table),
    queues: new MemoryQueueStore(table),
    transactions: new MemoryTransactions(table),
    userChats: new MemoryUserChatStore(table),
    // Retention and erasure have their own unit tests over MemoryPartitions; here they stand apart.
    partitions: new MemoryPartitions(),
    customers: new MemoryPartitions(),
    notes: new MemoryNoteStore(),
    // The in-memory message log fills every seq it reserves: no hole to close.
    seqHoles: { close: async () => true },
    supervision: new MemorySupervisionStore(table),
    retention: defaultRetention,
    sender,
    handoff,
    closure,
    routing,
    assistant,
    verifications: new MemoryVerificationStore(),
    profiles: new ClaimsProfile(),
    uploads: new MemoryUploadStore(),
    uploadBucket: new MemoryUploadBucket(),
    cases,
    events,
  };
  return {
    ports,
    table,
    cases,
    events,
    sender,
    handoff,
    closure,
    assistant,
    connect(identity, connectionId = `conn-${identity.sub}`) {
      table.connections.set(connectionId, {
        connectionId,
        userId: identity.sub,
        role: identity.role,
        name: identity.name,
        connectedAt: "2026-11-25T14:00:00.000Z",
        expiresAt: 0,
      });
      return { connectionId, identity };
    },
    seedChat(chat, subscribers = []) {
      table.chats.set(chat.chatId, copy(chat));
      for (const { connectionId, identity } of subscribers) {
        const subscription: SubscriptionRecord = { connectionId, userId: identity.sub, role: identity.role };
        table.subscriptionsOf(chat.chatId).set(connectionId, subscription);
      }
    },
    seedAgent(agent) {
      table.agents.set(agent.agentId, copy(agent));
    },
    seedEntry(entry) {
      table.queue(entry.queueId).set(entry.sk, copy(entry));
    },
  };
}
