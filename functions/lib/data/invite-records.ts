/**
 * What a conference invitation keeps on the chat (the `invite` attribute of the chat's META item),
 * while it is being offered. One invitation at a time: the holder invites, the handoff workflow offers
 * it to one agent after another (state-machines/chat-handoff.asl.json, the invite states), and it is
 * removed when an invitee accepts or nobody does.
 */
export interface PendingInvite {
  readonly inviteId: string;
  /** The holder who invited, and their name as the invitee reads it. */
  readonly invitedBy: string;
  readonly invitedByName: string;
  /** Exactly one of the two: a queue's eligible agents, or one named agent. */
  readonly queueId?: string;
  readonly agentId?: string;
  /** Why the holder invites, masked like a message: shown to the invitees, never to the customer. */
  readonly reason: string;
  readonly createdAt: string;
  /** The agent now offered the invitation; a slot of theirs is reserved while it lasts. */
  readonly offeredTo?: string;
  readonly offerExpiresAt?: string;
  /** Who was offered it and let it go: never offered again. */
  readonly declinedBy: readonly string[];
  /** How many offers were made, so the inviter can be told "nobody accepted" from "nobody was free". */
  readonly offers: number;
  /** The workflow's wait for the invitee's answer (AwaitInviteAnswer). */
  readonly answerToken?: string;
}

/** On a participant who joined by invitation: they hold a slot of their own until they leave or the chat ends. */
export interface ConferenceSeat {
  readonly inviteId: string;
  readonly queueId?: string;
}
