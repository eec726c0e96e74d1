import { setTimeout as sleep } from "node:timers/promises";
import { holdsConferenceSlot } from "../conference/invite-context.ts";
import type { AgentRecord, QueueEntry } from "../data/agent-records.ts";
import { CLOSING_CHATS, heldChatsPk } from "../data/keys.ts";
import type { WatchedChat } from "../data/oversight-store.ts";
import { dispatch } from "../handoff/dispatcher.ts";
import { servedQueues } from "../handoff/served-queues.ts";
import { logger } from "../logger.ts";
import { guarded } from "./guarded.ts";
import type { ReconcilerPorts, Tally } from "./reconcile-types.ts";

/**
 * What an agent's slots are made of: the offers they hold, the chats they hold (open or closing), and
 * their conference slots in chats someone else holds (a seat, or an invitation offered to them), found
 * in `others`: every chat read from the HELD and CLOSING lists.
 */
interface Holdings {
  readonly entries: readonly QueueEntry[];
  readonly held: readonly WatchedChat[];
  readonly closing: readonly WatchedChat[];
  readonly others?: readonly WatchedChat[];
}

export function slotsHeld(agentId: string, { entries, held, closing, others = [] }: Holdings): number {
  const offers = entries.filter((entry) => entry.state === "offered" && entry.offeredTo === agentId).length;
  const assigned = held.filter((chat) => chat.agentId === agentId && chat.state === "assigned").length;
  const closingHeld = closing.filter((chat) => chat.agentId === agentId).length;
  return offers + assigned + closingHeld + conferenceSlots(agentId, others);
}

/** Chats are counted once: a chat moving to CLOSING can be read on both lists. */
function conferenceSlots(agentId: string, chats: readonly WatchedChat[]): number {
  const seatedIn = chats.filter((chat) => chat.agentId !== agentId && holdsConferenceSlot(chat, agentId));
  return new Set(seatedIn.map((chat) => chat.chatId)).size;
}

/**
 * Every signed-in agent's `activeChats` against what they hold. The HELD lists are an index, which
 * may lag a write by a moment: a disagreement is only repaired if a second look, `confirmMs` later,
 * sees the same agent record and the same count. The write is conditioned on the value read.
 * Returns each agent's HELD list, for the idle pass.
 */
export async function repairAgents(
  deps: ReconcilerPorts,
  tally: Tally,
  failures: { count: number },
  first: { entries: readonly QueueEntry[]; closing: readonly WatchedChat[] },
): Promise<{ agents: number; held: WatchedChat[] }> {
  const online = await deps.agents.listOnline();
  const readHeld = () =>
    Promise.all(online.map((agent) => deps.oversight.listWatched(heldChatsPk(agent.agentId))));
  const heldLists = await readHeld();
  const others = [...heldLists.flat(), ...first.closing];
  const suspects: { agent: AgentRecord; counted: number; index: number }[] = [];
  online.forEach((agent, index) => {
    const counted = slotsHeld(agent.agentId, { ...first, held: heldLists[index] ?? [], others });
    if (counted !== agent.activeChats) suspects.push({ agent, counted, index });
  });
  if (suspects.length > 0) {
    await sleep(deps.settings.confirmMs);
    const [lists, closing, heldAgain] = await Promise.all([
      Promise.all(deps.routing.queues.map((queue) => deps.queues.list(queue.id))),
      deps.oversight.listWatched(CLOSING_CHATS),
      readHeld(),
    ]);
    const othersAgain = [...heldAgain.flat(), ...closing];
    for (const { agent, counted, index } of suspects)
      await guarded(failures, `slots of ${agent.agentId}`, async () => {
        const fresh = await deps.agents.get(agent.agentId);
        if (!fresh || fresh.activeChats !== agent.activeChats) return;
        const recounted = slotsHeld(agent.agentId, {
          entries: lists.flat(),
          held: heldAgain[index] ?? [],
          closing,
          others: othersAgain,
        });
        if (recounted !== counted || !(await deps.oversight.setActiveChats(fresh, recounted))) return;
        logger.info("Agent slots recounted", {
          agentId: agent.agentId,
          from: fresh.activeChats,
          to: recounted,
        });
        tally.AgentSlotsRecounted += 1;
        if (recounted < fresh.activeChats) await dispatch(deps, servedQueues(deps.routing, fresh.queues));
      });
  }
  return { agents: online.length, held: heldLists.flat() };
}
