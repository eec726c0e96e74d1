import type { AgentRecord, QueueEntry } from "../data/agent-records.ts";

/**
 * The routing rules fixed in v2, on top of queue, language and capacity (see `isEligible`):
 * - a chat in a supervisor queue is offered only to supervisors (role `supervisor` in the token), never
 *   to agents, whatever their queues (`["*"]` included);
 * - a transferred or escalated chat is never offered back to a staff member who handed it off.
 * Both are recorded on the queue entry when it is written (enqueue, overflow), so the dispatcher decides
 * from the entry alone.
 */
export function mayTake(agent: Pick<AgentRecord, "agentId" | "role">, entry: QueueEntry): boolean {
  if (entry.supervisorsOnly === true && agent.role !== "supervisor") return false;
  return !(entry.handedOffBy ?? []).includes(agent.agentId);
}

/** Everyone who handed the chat off so far, with the one handing it off now. */
export function handedOffBy(
  previous: readonly string[] | undefined,
  fromAgentId: string | undefined,
): string[] {
  const all = new Set(previous ?? []);
  if (fromAgentId) all.add(fromAgentId);
  return [...all];
}
