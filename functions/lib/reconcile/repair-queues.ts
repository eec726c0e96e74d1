import type { QueueEntry } from "../data/agent-records.ts";
import type { Restarts } from "../data/oversight-store.ts";
import type { ChatRecord } from "../data/records.ts";
import { abandonQueue } from "../handoff/abandon.ts";
import { dispatch } from "../handoff/dispatcher.ts";
import { releaseOffer } from "../handoff/release-offer.ts";
import { servedQueues } from "../handoff/served-queues.ts";
import { commitAndWake } from "../kernel/wake-workflow.ts";
import { logger } from "../logger.ts";
import { handoffExecutionName } from "../workflows/handoff-workflow.ts";
import { guarded, secondsSince } from "./guarded.ts";
import type { ReconcilerPorts, Tally } from "./reconcile-types.ts";

type Entry = QueueEntry & { readonly customerAwaySince?: string };
type Chat = ChatRecord & Restarts;

/** Who ends a chat whose customer left the queue and did not come back in time. */
export const PRESENCE_ACTOR = "carechat-presence";

/**
 * Every entry of every configured queue (one Query per queue, no scan): an entry no chat points to,
 * a customer gone longer than the grace, an offer past its expiry, a queued chat whose handoff
 * execution no longer runs. Returns the entries, which the agent pass counts offers from.
 */
export async function repairQueues(
  deps: ReconcilerPorts,
  tally: Tally,
  failures: { count: number },
  now: number,
): Promise<QueueEntry[]> {
  const lists = await Promise.all(deps.routing.queues.map((queue) => deps.queues.list(queue.id)));
  const entries = lists.flat();
  for (const entry of entries)
    await guarded(failures, `queue entry of ${entry.chatId}`, () => repairEntry(deps, entry, tally, now));
  return entries;
}

async function repairEntry(deps: ReconcilerPorts, entry: Entry, tally: Tally, now: number) {
  const settled = secondsSince(entry.queuedAt, now) >= deps.settings.settleSeconds;
  const chat = (await deps.chats.get(entry.chatId)) as Chat | undefined;
  const pointsHere =
    chat?.state === "queued" && chat.queue?.queueId === entry.queueId && chat.queue.sk === entry.sk;
  if (!chat || !pointsHere) {
    if (settled && (await removeOrphan(deps, entry))) tally.OrphanEntryRemoved += 1;
    return;
  }
  if (await customerGone(deps, chat, entry, now)) {
    tally.QueueAbandonedDisconnected += 1;
    return;
  }
  if (
    entry.state === "offered" &&
    entry.offeredTo &&
    secondsSince(entry.offerExpiresAt, now) >= deps.settings.settleSeconds
  ) {
    if (await withdrawOffer(deps, entry, entry.offeredTo)) tally.OfferWithdrawn += 1;
  }
  if (settled && (await restartHandoff(deps, chat, now))) tally.HandoffRestarted += 1;
}

/** An entry left behind (its chat moved on): removed, and an offer's slot given back, in one transaction. */
async function removeOrphan(deps: ReconcilerPorts, entry: QueueEntry): Promise<boolean> {
  const agent = entry.offeredTo ? await deps.agents.get(entry.offeredTo) : undefined;
  const items = [deps.queues.deleteItem(entry, entry.offeredTo)];
  if (agent && agent.activeChats > 0) items.push(deps.agents.releaseSlotItem(agent));
  return deps.transactions.commit(items);
}

/**
 * A queued customer with no connection keeps their place for the grace period (noted on the entry
 * the first time they are seen gone, cleared when they are back); after it, the chat is abandoned and
 * closed with its summary, as if they had ended it.
 */
async function customerGone(deps: ReconcilerPorts, chat: Chat, entry: Entry, now: number): Promise<boolean> {
  const connected = (await deps.connections.openCount(chat.customer.id)) > 0;
  if (connected) {
    if (entry.customerAwaySince) await deps.oversight.markCustomerAway(entry, undefined);
    return false;
  }
  if (!entry.customerAwaySince) {
    await deps.oversight.markCustomerAway(entry, new Date(now).toISOString());
    return false;
  }
  if (secondsSince(entry.customerAwaySince, now) < deps.settings.disconnectGraceSeconds) return false;
  await abandonQueue(deps, chat);
  if (!(await deps.closures.markClosing(chat.chatId, PRESENCE_ACTOR))) return false;
  await deps.closure.start(chat.chatId, PRESENCE_ACTOR, 0);
  logger.info("Queued customer gone past the grace: chat abandoned", { chatId: chat.chatId });
  return true;
}

/** Takes back an offer past its expiry, tells the agent, wakes the workflow's wait and offers again. */
async function withdrawOffer(deps: ReconcilerPorts, entry: QueueEntry, agentId: string): Promise<boolean> {
  const { released, agent } = await releaseOffer(deps, entry, agentId);
  if (!released) return false;
  await commitAndWake(deps, entry.chatId, [], ["answerToken"], { outcome: "declined", agentId });
  await deps.sender.sendToUser(agentId, [
    { type: "offerWithdrawn", chatId: entry.chatId, reason: "expired" },
  ]);
  await dispatch(
    deps,
    agent ? [...new Set([entry.queueId, ...servedQueues(deps.routing, agent.queues)])] : [entry.queueId],
  );
  return true;
}

/**
 * A queued chat whose handoff execution is not running: the restart is counted on the chat first
 * (conditioned on the chat as read), so of two reconcilers only one starts it; a recent restart is
 * given the settle time to show up as running.
 */
async function restartHandoff(deps: ReconcilerPorts, chat: Chat, now: number): Promise<boolean> {
  const handoff = chat.handoffs ?? chat.queue?.handoff ?? 0;
  const resume = chat.handoffResume?.handoff === handoff ? chat.handoffResume : undefined;
  if (resume && secondsSince(resume.at, now) < deps.settings.settleSeconds) return false;
  const restarts = resume?.restarts ?? 0;
  if (await deps.executions.isRunning(handoffExecutionName(chat.chatId, handoff, restarts))) return false;
  if (!(await deps.oversight.countHandoffRestart(chat, handoff))) return false;
  await deps.executions.restart(chat.chatId, handoff, restarts + 1);
  logger.info("Handoff execution restarted", { chatId: chat.chatId, handoff, restarts: restarts + 1 });
  return true;
}
