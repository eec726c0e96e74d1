import type { WaitInput } from "./wait-types.ts";

/**
 * The estimators ours is scored against in the bench. They read the same inputs and the same rolling
 * statistics as ours. The first three know nothing of abandonment or time waited; the last is the
 * classic delay-history estimator of the call-centre literature.
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

/**
 * The slot-aware naive baseline: position × handle time ÷ signed-in slots, each agent's slots weighted
 * by their share of this queue. A far harder bar than `naiveEstimate`, since chat agents hold several
 * chats at once. Null with no slot signed in.
 */
export function slotAwareNaive(input: WaitInput): number | null {
  const slots = input.agents.reduce((sum, agent) => sum + agent.maxChats * Math.min(1, agent.share), 0);
  if (slots <= 0) return null;
  return (input.position * input.stats.handleTimeSeconds) / slots;
}

/**
 * Last-to-enter-service (LES; Ibrahim & Whitt, "Real-time delay estimation based on delay history",
 * 2009): a customer who must wait will wait about as long as the last customer to be answered did.
 * Read for a customer already waiting, the remaining wait is that delay less the time waited; a
 * customer a free slot covers waits nothing. Null before anyone was answered or with nobody signed in.
 */
export function lastToEnterService(input: WaitInput): number | null {
  const delay = input.stats.lastServiceDelaySeconds;
  if (delay === undefined || input.agents.length === 0) return null;
  const free = input.agents
    .filter((agent) => agent.status === "available")
    .reduce((sum, agent) => sum + Math.max(0, agent.maxChats - agent.activeChats), 0);
  if (Math.ceil(input.position) <= free) return 0;
  return Math.max(0, delay - Math.max(0, input.waitedSeconds));
}
