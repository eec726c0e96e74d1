import type { Ledger } from "./accounting.ts";
import { errorCode, openParty, type Party } from "./parties.ts";

/**
 * The agents of one load level: signed in and available, each accepting every offer it gets (up to
 * its `maxChats`, which the dispatcher respects). A conversation asks for the agent of its chat.
 */
export class AgentPool {
  private readonly agents: Party[] = [];
  private readonly waiting = new Map<string, (agent: Party) => void>();
  private readonly assignedTo = new Map<string, Party>();

  constructor(
    private readonly runtime: { httpUrl: string; wsUrl: string },
    private readonly ledger: Ledger,
    private readonly label: string,
  ) {}

  async start(count: number, maxChats: number): Promise<void> {
    const agents = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        openParty(
          this.runtime,
          {
            sub: `${this.label}-agent-${index}`,
            role: "agent",
            name: `Load Agent ${index}`,
            queues: ["*"],
            languages: ["en"],
            maxChats,
          },
          this.ledger,
        ),
      ),
    );
    for (const agent of agents) {
      agent.client.on("chatOffered", (offer) => void this.accept(agent, offer.chatId));
      await agent.client.setPresence("available");
      this.agents.push(agent);
    }
  }

  /** The agent that accepted this chat, once one has; undefined after `timeoutMs`. */
  assigned(chatId: string, timeoutMs: number): Promise<Party | undefined> {
    const known = this.assignedTo.get(chatId);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(chatId);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(chatId, (agent) => {
        clearTimeout(timer);
        resolve(agent);
      });
    });
  }

  async stop(): Promise<void> {
    await Promise.allSettled(
      this.agents.map(async (agent) => {
        await agent.client.setPresence("offline").catch(() => undefined);
        await agent.client.close();
      }),
    );
  }

  private async accept(agent: Party, chatId: string) {
    try {
      const assigned = await agent.client.acceptChat(chatId);
      // Owed every message after the history it was handed.
      this.ledger.member(agent.name, chatId, (assigned.history.at(-1)?.seq ?? 0) + 1);
      this.assignedTo.set(chatId, agent);
      this.waiting.get(chatId)?.(agent);
      this.waiting.delete(chatId);
    } catch (error) {
      this.ledger.requestFailed("acceptChat", errorCode(error));
    }
  }
}
