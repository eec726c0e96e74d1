import type { WaitInput } from "./wait-types.ts";

/**
 * The two estimators ours is scored against in the bench. Both read the same inputs and the same
 * rolling handle time as ours; neither knows about concurrent chats, abandonment or time waited.
 */

/** position × average handle time, as if one agent served the queue one chat at a time. */
export function naiveEstimate(input: WaitInput): number | null {
  if (input.agents.length === 0) return null;
  return input.position * input.stats.handleTimeSeconds;
}

/**
 * The contact-centre formula EWT = AHT × (chats ahead not covered by ready agents) / (active agents ×
 * share of their time on this queue), read for chat as follows:
 * - chats ahead = the customer's position, counting their own chat, which needs a slot too;
 * - covered by ready agents = the free slots of available agents, one chat per free slot;
 * - active agents = every signed-in agent (available or away), each weighted by their share.
 * Like the phone formula it assumes one chat per agent at a time. Null with nobody signed in.
 */
export function classicEwt(input: WaitInput): number | null {
  const active = input.agents.reduce((sum, agent) => sum + agent.share, 0);
  if (input.agents.length === 0 || active <= 0) return null;
  const ready = input.agents
    .filter((agent) => agent.status === "available")
    .reduce((sum, agent) => sum + Math.max(0, agent.maxChats - agent.activeChats), 0);
  const uncovered = Math.max(0, input.position - ready);
  return (input.stats.handleTimeSeconds * uncovered) / active;
}
