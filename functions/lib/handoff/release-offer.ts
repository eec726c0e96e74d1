import type { AgentRecord, QueueEntry } from "../data/agent-records.ts";
import type { HandoffDependencies } from "./handoff-dependencies.ts";

/**
 * Takes the offer of `entry` back from `agentId` and gives the agent's slot back, in one
 * transaction. `released` is false when the agent no longer holds the offer or their slots changed
 * since they were read; the caller re-reads and decides whether to try again.
 */
export async function releaseOffer(
  deps: HandoffDependencies,
  entry: QueueEntry,
  agentId: string,
): Promise<{ released: boolean; agent: AgentRecord | undefined }> {
  const agent = await deps.agents.get(agentId);
  const items = [deps.queues.releaseOfferItem(entry, agentId)];
  if (agent) items.push(deps.agents.releaseSlotItem(agent));
  return { released: await deps.chats.transact(items), agent };
}
