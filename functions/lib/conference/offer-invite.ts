import type { AgentRecord } from "../data/agent-records.ts";
import type { PendingInvite } from "../data/invite-records.ts";
import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { type DispatchPorts, isEligible, offerTimeoutSeconds } from "../handoff/dispatcher.ts";
import { logger } from "../logger.ts";
import type { ChatState, ServerFrame } from "../protocol/server-frames.ts";
import { inviteAsEntry, inviteOfferFrame } from "./invite-context.ts";

export type InvitePorts = DispatchPorts;

/** Where the workflow's invitation is: the execution's input, kept at `$.chatId` and `$.inviteId`. */
export interface InviteRef {
  readonly chatId: string;
  readonly inviteId: string;
}

export type InviteStatus =
  | ({ status: "inviteOffered"; offerTimeoutSeconds: number } & InviteRef)
  | { status: "inviteEnded" };

const ANY_STATE: readonly ChatState[] = ["assistant", "queued", "assigned", "closing", "ended"];
const ENDED: InviteStatus = { status: "inviteEnded" };
const OFFER_TRIES = 3;

/** The chat and its invitation, if the invitation is still the one `ref` names. */
export async function currentInvite(deps: Pick<InvitePorts, "chats">, ref: InviteRef) {
  const chat = await deps.chats.get(ref.chatId);
  const invite = chat?.invite?.inviteId === ref.inviteId ? chat.invite : undefined;
  return chat && invite ? { chat, invite } : undefined;
}

/**
 * Offers the invitation to the next agent (a named agent has as long to answer as an offer of the chat's
 * own queue): the named one, or the longest-idle eligible agent of the
 * queue. Like the dispatcher's offer, one transaction marks the invitation offered (only while nobody
 * holds it) and takes a slot of the agent's under a condition on the slots read, so no agent goes over
 * capacity. With nobody to offer it to, the invitation ends and the inviter is told.
 */
export async function offerInvite(deps: InvitePorts, ref: InviteRef): Promise<InviteStatus> {
  const found = await currentInvite(deps, ref);
  if (!found) return ENDED;
  const timeout = offerTimeoutSeconds(deps, found.invite.queueId ?? found.chat.lastQueueId ?? "");
  if (found.invite.offeredTo) return { status: "inviteOffered", offerTimeoutSeconds: timeout, ...ref };
  if (found.chat.state !== "assigned") return endInvite(deps, found.chat, found.invite, "notAccepted");
  let { chat, invite } = found;
  let candidates = await candidatesFor(deps, chat, invite);
  for (let tries = 0; tries < OFFER_TRIES; tries += 1) {
    const agent = candidates[0];
    if (!agent) break;
    const expiresAt = new Date(Date.now() + timeout * 1000).toISOString();
    const taken = await deps.transactions.commit([
      deps.chats.updateItem(chat.chatId, {
        set: [
          [["invite", "offeredTo"], agent.agentId],
          [["invite", "offerExpiresAt"], expiresAt],
          [["invite", "offers"], invite.offers + 1],
        ],
        fromStates: ["assigned"],
        expect: [
          { path: ["invite", "inviteId"], equals: invite.inviteId },
          { path: ["invite", "offeredTo"], exists: false },
        ],
      }),
      deps.agents.reserveSlotItem(agent),
    ]);
    if (taken) {
      const delivered = await deps.sender.sendToUser(agent.agentId, [
        inviteOfferFrame(chat, invite, timeout),
      ]);
      logger.info("Invitation offered", { chatId: chat.chatId, agentId: agent.agentId, delivered });
      return { status: "inviteOffered", offerTimeoutSeconds: timeout, ...ref };
    }
    // The chat or the agent changed under us: read both again.
    const again = await currentInvite(deps, ref);
    if (!again || again.invite.offeredTo || again.chat.state !== "assigned") return offerInvite(deps, ref);
    ({ chat, invite } = again);
    candidates = await candidatesFor(deps, chat, invite);
  }
  return endInvite(deps, chat, invite, invite.offers > 0 ? "notAccepted" : "noAgents");
}

/** Who may be offered the invitation now, best first. */
export async function candidatesFor(
  deps: Pick<InvitePorts, "agents" | "routing">,
  chat: ChatRecord,
  invite: PendingInvite,
): Promise<AgentRecord[]> {
  if (invite.agentId) {
    if (invite.declinedBy.includes(invite.agentId) || Object.hasOwn(chat.participants, invite.agentId))
      return [];
    const agent = await deps.agents.get(invite.agentId);
    return agent && agent.status === "available" && agent.activeChats < agent.maxChats ? [agent] : [];
  }
  const queueId = invite.queueId ?? "";
  const entry = inviteAsEntry(chat, invite, queueId);
  return (await deps.agents.listReady()).filter((agent) => isEligible(agent, entry));
}

/** Removes the invitation (if it is still this one) and tells the inviter how it ended. */
export async function endInvite(
  deps: InvitePorts,
  chat: ChatRecord,
  invite: PendingInvite,
  outcome: "notAccepted" | "noAgents",
): Promise<InviteStatus> {
  const removed = await deps.transactions.commit([
    deps.chats.updateItem(chat.chatId, {
      remove: ["invite"],
      fromStates: ANY_STATE,
      expect: [
        { path: ["invite", "inviteId"], equals: invite.inviteId },
        { path: ["invite", "offeredTo"], exists: false },
      ],
    }),
  ]);
  if (removed) {
    const frame: ServerFrame<"inviteEnded"> = {
      type: "inviteEnded",
      chatId: chat.chatId,
      inviteId: invite.inviteId,
      outcome,
    };
    await deps.sender.sendToUser(invite.invitedBy, [frame]);
    logger.info("Invitation ended", { chatId: chat.chatId, outcome });
  }
  return ENDED;
}

/**
 * Takes the offer back from `agentId` and gives their slot back, in one transaction conditioned on the
 * agent still holding it; the agent is not offered this invitation again. False if they no longer hold it.
 */
export function releaseInviteOffer(deps: InvitePorts, ref: InviteRef, agentId: string): Promise<boolean> {
  return retryOnConflict(
    async () => {
      const found = await currentInvite(deps, ref);
      if (found?.invite.offeredTo !== agentId) return false;
      const agent = await deps.agents.get(agentId);
      const items = [
        deps.chats.updateItem(ref.chatId, {
          set: [
            [
              ["invite", "declinedBy"],
              [...found.invite.declinedBy, agentId],
            ],
          ],
          remove: [
            ["invite", "offeredTo"],
            ["invite", "offerExpiresAt"],
            ["invite", "answerToken"],
          ],
          fromStates: ANY_STATE,
          expect: [
            { path: ["invite", "inviteId"], equals: ref.inviteId },
            { path: ["invite", "offeredTo"], equals: agentId },
          ],
        }),
      ];
      if (agent) items.push(deps.agents.releaseSlotItem(agent));
      return (await deps.transactions.commit(items)) ? true : RETRY;
    },
    { operation: "releaseInviteOffer" },
  );
}
