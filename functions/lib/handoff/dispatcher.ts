import type { AgentRecord, QueueEntry } from "../data/agent-records.ts";
import type { Needs } from "../kernel/ports.ts";
import { commitAndWake } from "../kernel/wake-workflow.ts";
import { sameLanguage } from "../language/languages.ts";
import { logger } from "../logger.ts";
import { metrics } from "../metrics.ts";
import { findQueue } from "../routing/find-queue.ts";
import { tellAgentJoining } from "./agent-joining.ts";
import { mayTake } from "./eligibility.ts";
import { offerFrame } from "./handoff-frames.ts";
import { releaseOffer } from "./release-offer.ts";

export type DispatchPorts = Needs<
  "agents" | "queues" | "transactions" | "sender" | "chats" | "handoff" | "routing"
>;

export interface Offer {
  readonly entry: QueueEntry;
  readonly agent: AgentRecord;
}

/** How often one entry is tried against a fresh agent after losing a race, before the next entry. */
const OFFER_TRIES_PER_ENTRY = 3;

/**
 * Offers waiting chats to agents. Fairness: the highest priority first, then the longest waiting
 * chat (by its first enqueue time), each offered to the longest-idle eligible agent with a free slot.
 * Safety: an offer is one transaction that flips the entry from waiting to offered AND takes a slot
 * from the agent under a condition on the slots read, so two agents never hold the same chat and
 * no agent goes over capacity, however many dispatchers run at once. A lost race is not retried
 * with a delay: the loser re-reads and moves on, since the winner has done the work.
 */
export async function dispatch(deps: DispatchPorts, queueIds: readonly string[]): Promise<Offer[]> {
  const ready = await deps.agents.listReady();
  if (ready.length === 0 || queueIds.length === 0) return [];
  const lists = await Promise.all([...new Set(queueIds)].map((queueId) => deps.queues.list(queueId)));
  const waiting = lists
    .flat()
    .filter((entry) => entry.state === "waiting")
    .sort((a, b) => b.priority - a.priority || a.enqueuedAt.localeCompare(b.enqueuedAt));
  const offers: Offer[] = [];
  for (const entry of waiting) {
    const timeout = offerTimeoutSeconds(deps, entry.queueId);
    for (let tries = 0; tries < OFFER_TRIES_PER_ENTRY; tries += 1) {
      const agent = ready.find((candidate) => isEligible(candidate, entry));
      if (!agent) break;
      const expiresAt = new Date(Date.now() + timeout * 1000).toISOString();
      const taken = await deps.transactions.commit([
        deps.queues.offerItem(entry, agent.agentId, expiresAt),
        deps.agents.reserveSlotItem(agent),
      ]);
      ready.splice(ready.indexOf(agent), 1);
      if (taken) {
        const updated = { ...agent, activeChats: agent.activeChats + 1 };
        if (updated.activeChats < updated.maxChats) ready.push(updated);
        offers.push({
          entry: { ...entry, state: "offered", offeredTo: agent.agentId, offerExpiresAt: expiresAt },
          agent,
        });
        break;
      }
      // Either the chat was taken elsewhere or the agent changed: re-read the agent and try again.
      const fresh = await deps.agents.get(agent.agentId);
      if (fresh && fresh.status === "available" && fresh.activeChats < fresh.maxChats) ready.unshift(fresh);
      const current = await deps.queues.get(entry.queueId, entry.sk);
      if (current?.state !== "waiting") break;
    }
  }
  await Promise.all(offers.map((offer) => announceOffer(deps, offer)));
  return offers;
}

export function isEligible(agent: AgentRecord, entry: QueueEntry): boolean {
  if (agent.status !== "available" || agent.activeChats >= agent.maxChats) return false;
  if (entry.declinedBy?.has(agent.agentId)) return false;
  if (!mayTake(agent, entry)) return false;
  const servesQueue = agent.queues.includes("*") || agent.queues.includes(entry.queueId);
  return servesQueue && agent.languages.some((spoken) => sameLanguage(spoken, entry.language));
}

export function offerTimeoutSeconds(deps: Needs<"routing">, queueId: string): number {
  return findQueue(deps.routing, queueId)?.offerTimeoutSeconds ?? 30;
}

async function announceOffer(deps: DispatchPorts, { entry, agent }: Offer): Promise<void> {
  const expiresInSeconds = offerTimeoutSeconds(deps, entry.queueId);
  const delivered = await deps.sender.sendToUser(agent.agentId, [offerFrame(entry, expiresInSeconds)]);
  logger.info("Chat offered", {
    chatId: entry.chatId,
    queueId: entry.queueId,
    agentId: agent.agentId,
    delivered,
  });
  if (delivered === 0 && (await withdrawUndelivered(deps, entry, agent.agentId))) return;
  // The offer is already written: wake the workflow's wait for an offer (see awaitOffer).
  await commitAndWake(deps, entry.chatId, [], ["waitToken"], { outcome: "offered", agentId: agent.agentId });
  await tellAgentJoining(deps, entry);
}

/**
 * An offer that reached none of the agent's connections is taken back at once (the agent will not be
 * offered this chat again) and the chat offered to the next agent, instead of waiting out the offer
 * timeout on someone who cannot see it. The workflow keeps waiting for an offer, so it is not woken.
 */
async function withdrawUndelivered(
  deps: DispatchPorts,
  entry: QueueEntry,
  agentId: string,
): Promise<boolean> {
  const { released } = await releaseOffer(deps, entry, agentId);
  if (!released) return false;
  metrics.addMetric("OffersUndelivered", "Count", 1);
  logger.info("Offer reached no connection: withdrawn", { chatId: entry.chatId, agentId });
  await dispatch(deps, [entry.queueId]);
  return true;
}
