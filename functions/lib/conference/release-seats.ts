import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { dispatch } from "../handoff/dispatcher.ts";
import type { ReleaseAgentPorts } from "../handoff/release-agent.ts";
import { servedQueues } from "../handoff/served-queues.ts";

/**
 * When a chat ends, every invitee still seated gives their slot back, each in one transaction with
 * removing their seat from the chat, so a slot is released exactly once however often this runs (the
 * holder's slot is released by releaseAgent, as for any chat). Each is then offered waiting chats.
 */
export async function releaseSeats(deps: ReleaseAgentPorts, chat: ChatRecord): Promise<number> {
  const seated = Object.entries(chat.participants).filter(
    ([id, participant]) => participant.conference && id !== chat.agentId,
  );
  let released = 0;
  for (const [agentId] of seated) {
    const agent = await retryOnConflict(
      async () => {
        const current = await deps.agents.get(agentId);
        const items = [
          deps.chats.updateItem(chat.chatId, {
            remove: [["participants", agentId, "conference"]],
            fromStates: ["closing", "ended"],
            expect: [{ path: ["participants", agentId, "conference"], exists: true }],
          }),
        ];
        if (current && current.activeChats > 0) items.push(deps.agents.releaseSlotItem(current));
        if (await deps.transactions.commit(items)) return current;
        const latest = await deps.chats.get(chat.chatId);
        return latest?.participants[agentId]?.conference ? RETRY : undefined;
      },
      { operation: "releaseSeat" },
    );
    if (!agent) continue;
    released += 1;
    await dispatch(deps, servedQueues(deps.routing, agent.queues));
  }
  return released;
}
