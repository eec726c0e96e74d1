import type { CustomerIdentity, StaffIdentity } from "../../../functions/lib/auth/identity.ts";
import type { AgentRecord, QueueEntry } from "../../../functions/lib/data/agent-records.ts";
import { queueEntrySk } from "../../../functions/lib/data/keys.ts";
import type { ChatRecord } from "../../../functions/lib/data/records.ts";

export const customer: CustomerIdentity = {
  sub: "customer-1",
  role: "customer",
  name: "Ana Customer",
  country: "US",
  locale: "en-US",
  segment: "consumer",
  accounts: [{ last4: "1234", product: "Rewards Visa" }],
};

export const staff = (sub: string, overrides: Partial<StaffIdentity> = {}): StaffIdentity => ({
  sub,
  role: "agent",
  name: `Agent ${sub}`,
  queues: ["*"],
  languages: ["en"],
  maxChats: 3,
  ...overrides,
});

export const agentRecord = (identity: StaffIdentity, overrides: Partial<AgentRecord> = {}): AgentRecord => ({
  agentId: identity.sub,
  name: identity.name,
  role: identity.role,
  queues: identity.queues,
  languages: identity.languages,
  maxChats: identity.maxChats,
  status: "available",
  activeChats: 0,
  idleSince: "2026-11-25T13:00:00.000Z",
  updatedAt: "2026-11-25T13:00:00.000Z",
  ...overrides,
});

/** A chat of `customer`, held by the assistant unless `overrides` say otherwise. */
export const chatRecord = (overrides: Partial<ChatRecord> = {}): ChatRecord => ({
  chatId: "chat-1",
  state: "assistant",
  createdAt: "2026-11-25T14:00:00.000Z",
  updatedAt: "2026-11-25T14:00:00.000Z",
  customer: { id: customer.sub, name: customer.name, country: "US", locale: "en-US", segment: "consumer" },
  participants: {
    [customer.sub]: { role: "customer", name: customer.name, joinedAt: "2026-11-25T14:00:00.000Z" },
  },
  assistant: { language: "en", details: {}, turns: 1, agentOffered: false },
  lastSeq: 1,
  ...overrides,
});

/** The chat assigned to `agent`, as acceptChat leaves it. */
export const assignedChat = (agent: StaffIdentity, overrides: Partial<ChatRecord> = {}): ChatRecord =>
  chatRecord({
    state: "assigned",
    agentId: agent.sub,
    lastQueueId: "general",
    participants: {
      [customer.sub]: { role: "customer", name: customer.name, joinedAt: "2026-11-25T14:00:00.000Z" },
      [agent.sub]: { role: agent.role, name: agent.name, joinedAt: "2026-11-25T14:04:00.000Z" },
    },
    ...overrides,
  });

export const queueEntry = (overrides: Partial<QueueEntry> = {}): QueueEntry => {
  const enqueuedAt = overrides.enqueuedAt ?? "2026-11-25T14:01:00.000Z";
  const chatId = overrides.chatId ?? "chat-1";
  return {
    queueId: "general",
    sk: queueEntrySk(0, enqueuedAt, chatId),
    chatId,
    customerId: customer.sub,
    priority: 0,
    enqueuedAt,
    queuedAt: enqueuedAt,
    language: "en",
    state: "waiting",
    context: { language: "en", country: "US", segment: "consumer", customerName: customer.name, details: {} },
    ...overrides,
  };
};

/** A chat waiting in `entry`'s queue, its entry offered to `agentId` when given. */
export function queuedChat(entry: QueueEntry, overrides: Partial<ChatRecord> = {}): ChatRecord {
  return chatRecord({
    state: "queued",
    queue: { queueId: entry.queueId, sk: entry.sk },
    handoffs: 1,
    ...overrides,
  });
}
