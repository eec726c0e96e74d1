import type { StaffIdentity } from "../../../functions/lib/auth/identity.ts";
import type { AgentRecord, PresenceStatus } from "../../../functions/lib/data/agent-records.ts";
import type { AgentStore } from "../../../functions/lib/data/agent-store.ts";
import { RETRY, retryOnConflict } from "../../../functions/lib/data/retry-on-conflict.ts";
import type { TransactItem } from "../../../functions/lib/data/transaction.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";
import { copy, type MemoryTable, memoryItem } from "./memory-table.ts";

/**
 * The agent store over the in-memory table, with the conditions of functions/lib/data/agent-store.ts:
 * every change of `activeChats` is conditioned on the value read, and a reservation also on the agent
 * being available with a slot free.
 */
export class MemoryAgentStore implements PortOf<AgentStore> {
  constructor(private readonly table: MemoryTable) {}

  async get(agentId: string): Promise<AgentRecord | undefined> {
    const agent = this.table.agents.get(agentId);
    return agent && copy(agent);
  }

  /** The READY pool: available agents with a free slot, longest idle first. */
  async listReady(): Promise<AgentRecord[]> {
    return copy(
      [...this.table.agents.values()]
        .filter((agent) => agent.status === "available" && agent.activeChats < agent.maxChats)
        .sort((a, b) => `${a.idleSince}#${a.agentId}`.localeCompare(`${b.idleSince}#${b.agentId}`)),
    );
  }

  async listOnline(): Promise<AgentRecord[]> {
    return copy([...this.table.agents.values()].filter((agent) => agent.status !== "offline"));
  }

  setPresence(identity: StaffIdentity, status: PresenceStatus): Promise<AgentRecord> {
    return retryOnConflict(
      async () => {
        const current = await this.get(identity.sub);
        const now = new Date().toISOString();
        const activeChats = current?.activeChats ?? 0;
        const becameAvailable = status === "available" && current?.status !== "available";
        const agent: AgentRecord = {
          agentId: identity.sub,
          name: identity.name,
          role: identity.role,
          queues: identity.queues,
          languages: identity.languages,
          maxChats: identity.maxChats,
          status,
          activeChats,
          idleSince: becameAvailable || !current ? now : current.idleSince,
          updatedAt: now,
        };
        const written = this.table.commit([
          memoryItem("Update", identity.sub, {
            check: () => {
              const stored = this.table.agents.get(identity.sub);
              return current ? stored?.activeChats === activeChats : stored === undefined;
            },
            apply: () => this.table.agents.set(identity.sub, copy(agent)),
          }),
        ]);
        return written.committed ? agent : RETRY;
      },
      { operation: "setPresence" },
    );
  }

  async markOffline(agentId: string): Promise<void> {
    const agent = this.table.agents.get(agentId);
    if (agent)
      this.table.agents.set(agentId, { ...agent, status: "offline", updatedAt: new Date().toISOString() });
  }

  reserveSlotItem(agent: AgentRecord): TransactItem {
    return memoryItem("Update", agent.agentId, {
      check: () => {
        const stored = this.table.agents.get(agent.agentId);
        return (
          stored?.activeChats === agent.activeChats &&
          stored.status === "available" &&
          stored.maxChats > agent.activeChats
        );
      },
      // The real item writes the whole agent as read, with one more chat.
      apply: () =>
        this.table.agents.set(agent.agentId, { ...copy(agent), activeChats: agent.activeChats + 1 }),
    });
  }

  releaseSlotItem(agent: AgentRecord): TransactItem {
    return memoryItem("Update", agent.agentId, {
      check: () => this.table.agents.get(agent.agentId)?.activeChats === agent.activeChats,
      apply: () =>
        this.table.agents.set(agent.agentId, {
          ...copy(agent),
          activeChats: Math.max(0, agent.activeChats - 1),
          idleSince: new Date().toISOString(),
        }),
    });
  }
}
