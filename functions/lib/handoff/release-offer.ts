import type { AgentRecord, QueueEntry } from "../data/agent-records.ts";
import type { Needs } from "../kernel/ports.ts";

/**
 * Takes an offer back from an agent and gives the agent's slot back, in one transaction conditioned on
 * the agent still holding the offer and on the slots as they were read; the caller re-reads and decides
 * whether to try again.
 */
export async function releaseOffer(
  deps: Needs<"agents" | "queues" | "transactions">,
  entry: QueueEntry,
  agentId: string,
): Promise<{ released: boolean; agent: AgentRecord | undefined }> {
  const agent = await deps.agents.get(agentId);
  const items = [deps.queues.releaseOfferItem(entry, agentId)];
  if (agent) items.push(deps.agents.releaseSlotItem(agent));
  return { released: await deps.transactions.commit(items), agent };
}
