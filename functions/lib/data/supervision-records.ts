/** Items of the supervisor tools (ACCESS-PATTERNS.md, patterns 20-24). */
export interface NoteRecord {
  /** Gapless per chat, counted apart from the messages' `seq` (the NOTES counter item). */
  readonly noteSeq: number;
  readonly from: { readonly role: "agent" | "supervisor"; readonly id: string; readonly name: string };
  /** Masked before it is stored, like a message. */
  readonly text: string;
  readonly sentAt: string;
  readonly redacted: boolean;
}

/** A connection that asked for live queue snapshots, with the queues its token grants. */
export interface WatcherRecord {
  readonly connectionId: string;
  readonly userId: string;
  readonly queues: readonly string[];
  readonly since: string;
}

/** What happened in a queue during one ten-minute window. */
export interface QueueWindowCounts {
  readonly offersTimedOut: number;
  readonly abandoned: number;
  /** Sum of |actual wait - last estimate told| over the answered chats with an estimate, seconds. */
  readonly estimateErrorSum: number;
  readonly estimateSamples: number;
}

/** A chat an agent took from a queue: a hint, checked against the chat itself when read. */
export interface LiveChatRecord {
  readonly chatId: string;
  readonly queueId: string;
  readonly since: string;
}
