/**
 * Rolling statistics of one queue, kept in one DynamoDB item per queue and updated as chats are
 * answered, finished or abandoned. Every field is a number so an update is O(1) and one write.
 */
export interface QueueStats {
  /** EWMA of agent handle time of chats from this queue, seconds. */
  handleTimeSeconds: number;
  /** EWMA, 0..1, of chats leaving the queue that left by abandoning (the rest were answered). */
  abandonRate: number;
  /**
   * EWMA of the time in queue of the same chats (answered or abandoned), seconds. With abandonRate it
   * gives the abandonment hazard: abandons per second of waiting (see abandonHazard).
   */
  meanWaitSeconds: number;
  /**
   * The same two EWMAs for the part of a wait after LATE_WAIT_SECONDS: abandons that came later than
   * that (0 or 1), and the waiting done after it (0 for shorter waits). Their ratio is the hazard of
   * customers who have already waited a while, such as the ones ahead of a customer who has too.
   */
  lateAbandonRate: number;
  lateWaitSeconds: number;
  /** Chats whose handle time was learned. */
  samples: number;
  /** Chats that left the queue (answered or abandoned). */
  waitSamples: number;
  /**
   * The delay history of the last-to-enter-service (LES) estimator: how long the last customer to be
   * answered had waited, and when (epoch milliseconds). Absent in stats stored before they existed.
   */
  lastServiceDelaySeconds?: number;
  lastServiceAtMs?: number;
  /**
   * Of the abandoned chats, how many left by choice with `leaveQueue` (staying with the assistant)
   * rather than by ending the chat or going away. A counter for supervisors' views; absent until one.
   */
  leftByChoice?: number;
}

/** One agent who serves the queue and speaks the customer's language, as the estimator sees them. */
export interface EligibleAgent {
  maxChats: number;
  /** Chats the agent holds now, from any queue. */
  activeChats: number;
  /** "away" agents are signed in but take no new chats. */
  status: "available" | "away";
  /** 1 / number of queues this agent serves: the share of their freed slots that go to this queue. */
  share: number;
}

export interface WaitInput {
  /** 1 = next to be offered. */
  position: number;
  agents: readonly EligibleAgent[];
  stats: QueueStats;
  /** How long this customer has waited so far, seconds. */
  waitedSeconds: number;
}

/** An estimate of the remaining wait in seconds, or null when no honest estimate can be made. */
export type WaitEstimator = (input: WaitInput) => number | null;
