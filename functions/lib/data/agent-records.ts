/** Items of the live-agent side: agents, queue entries and per-queue statistics. */
export type PresenceStatus = "available" | "away" | "offline";

export interface AgentRecord {
  readonly agentId: string;
  readonly name: string;
  readonly role: "agent" | "supervisor";
  readonly queues: string[];
  readonly languages: string[];
  readonly maxChats: number;
  readonly status: PresenceStatus;
  readonly activeChats: number;
  /** When the agent last had a slot free up (or came available): the longest idle is offered first. */
  readonly idleSince: string;
  readonly updatedAt: string;
}

export interface OfferContext {
  readonly topic?: string;
  readonly language: string;
  readonly country: string;
  readonly segment: string;
  readonly customerName: string;
  readonly accountLast4?: string;
  readonly details: Record<string, unknown>;
  readonly accommodations?: string[];
  readonly note?: string;
  readonly reason?: string;
  readonly transferredFrom?: string;
  /** The chat's latest verification outcome, so the next agent knows whether to ask again. */
  readonly verification?: { readonly outcome: string; readonly at: string };
  readonly caseNumber?: string;
}

export interface QueueEntry {
  readonly queueId: string;
  readonly sk: string;
  readonly chatId: string;
  readonly customerId: string;
  readonly priority: number;
  /** First time the chat entered any queue; kept across overflow so nobody goes to the back of a line. */
  readonly enqueuedAt: string;
  /** When the chat entered this queue; the overflow timer counts from here. */
  readonly queuedAt: string;
  readonly language: string;
  readonly state: "waiting" | "offered";
  readonly offeredTo?: string;
  readonly offerExpiresAt?: string;
  readonly declinedBy?: Set<string>;
  readonly context: OfferContext;
  readonly lastEstimateSeconds?: number | null;
  readonly lastPosition?: number;
  readonly lastStatusAt?: string;
  /** Routing rules fixed in v2 (see handoff/eligibility.ts): only supervisors may take this entry. */
  readonly supervisorsOnly?: boolean;
  /** Staff who handed this chat off (transfer or escalation): never offered it again. */
  readonly handedOffBy?: string[];
  /** A fraud chat still waiting at this time is reminded of the number to call (handoff/fraud-reminder.ts). */
  readonly remindAt?: string;
}
