import type { AssistantState } from "../assistant/types.ts";
import type { ChatState, ParticipantRole } from "../protocol/server-frames.ts";
import type { OfferContext } from "./agent-records.ts";
import type { ConferenceSeat, PendingInvite } from "./invite-records.ts";

/** Items as stored. Key attributes (pk, sk, gsi1pk, gsi1sk) are added by the stores. */
export interface Participant {
  readonly role: Exclude<ParticipantRole, "assistant" | "system">;
  readonly name: string;
  readonly joinedAt: string;
  /** A staff member brought in by `inviteToChat`: they hold a slot of their own for this chat. */
  readonly conference?: ConferenceSeat;
}

export interface CustomerContext {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly locale: string;
  readonly segment: string;
  readonly accountLast4?: string;
  readonly accommodations?: string[];
}

export type AssistantMemory = AssistantState;

export interface ChatRecord {
  readonly chatId: string;
  readonly state: ChatState;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly customer: CustomerContext;
  readonly participants: Record<string, Participant>;
  readonly assistant: AssistantMemory;
  readonly lastSeq: number;
  readonly caseNumber?: string;
  /** v2: the complaints logged in this chat, each a case of its own. */
  readonly complaintCases?: ReadonlySet<string>;
  readonly summary?: string;
  readonly endedAt?: string;
  readonly endedBy?: string;
  /** Where the chat waits while `queued`. */
  readonly queue?: { readonly queueId: string; readonly sk: string; readonly handoff?: number };
  /** The agent or supervisor holding the chat while `assigned`. */
  readonly agentId?: string;
  /** How many handoff workflows this chat has started; names each execution uniquely. */
  readonly handoffs?: number;
  /** The queue the current agent took the chat from, for its handle-time statistics. */
  readonly lastQueueId?: string;
  /**
   * Task tokens of the handoff workflow's current waits. They live on the chat, which outlives the
   * queue entry, so whoever changes the entry reads the token after its write: no wake-up is lost.
   */
  readonly waitToken?: string;
  readonly answerToken?: string;
  /**
   * The transferring agent's note or escalation reason (masked), kept on the chat for the next agent's
   * offer rather than in the handoff workflow's input, which Step Functions keeps in its history.
   */
  readonly handoffNote?: string;
  /** Where the current agent took the chat from, so a retried accept is answered the same way. */
  readonly assignedFrom?: { readonly queueId: string; readonly context: OfferContext };
  /** The assistant decided a person should take over and no handoff has queued the chat yet. */
  readonly handoffWanted?: boolean;
  /** Staff who handed this chat off so far (transfer or escalation): none of them is offered it again. */
  readonly handedOffBy?: string[];
  /** The handoff number the customer left the queue of (leaveQueue), so a repeat answers the same. */
  readonly leftQueueHandoff?: number;
  /** When the customer of a waiting fraud chat was reminded to call: once per chat. */
  readonly fraudRemindedAt?: string;
  /** The latest verification's outcome (never the values given), for the agent and the next offer. */
  readonly verification?: VerificationNote;
  /** The holder's invitation (conference) being offered, at most one at a time (see invite-records.ts). */
  readonly invite?: PendingInvite;
}

export interface VerificationNote {
  readonly verificationId: string;
  readonly outcome: "verified" | "failed" | "locked";
  readonly at: string;
}

/** A stored document shown in the chat (uploads/receive-upload.ts). */
export interface AttachmentRef {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

export interface MessageRecord {
  readonly seq: number;
  readonly from: { role: ParticipantRole; id?: string; name?: string };
  readonly text: string;
  readonly sentAt: string;
  readonly redacted: boolean;
  readonly clientMessageId?: string;
  readonly attachment?: AttachmentRef;
}

export interface SubscriptionRecord {
  readonly connectionId: string;
  readonly userId: string;
  readonly role: ParticipantRole;
  /**
   * "monitor": a supervisor watching silently (monitorChat). Such a connection receives messages, typing
   * and notes but is no participant: it is never in `participants`, it cannot send, and nothing it does
   * reaches the customer. Absent for participants.
   */
  readonly audience?: "monitor";
}

export interface ConnectionRecord {
  readonly connectionId: string;
  readonly userId: string;
  readonly role: ParticipantRole;
  readonly name: string;
  readonly connectedAt: string;
  readonly chats?: Set<string>;
  readonly expiresAt: number;
  /** The token's id (`jti`), whose TOKEN# item names this connection for a revocation by token. */
  readonly tokenId?: string;
}
