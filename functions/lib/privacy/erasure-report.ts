import type { ChatState } from "../protocol/server-frames.ts";

/** How many items of each kind an erasure deleted. */
export interface ErasedCounts {
  readonly chats: number;
  readonly messages: number;
  readonly idempotencyKeys: number;
  readonly subscriptions: number;
  readonly cases: number;
  /** Each sender's message-rate bucket in the chat (`LIMIT#<sender>`). */
  readonly rateLimits: number;
  /** Items of a chat's partition of no kind above (none today; counted so that nothing goes unreported). */
  readonly other: number;
}

/** A chat that was not erased because someone else still holds it. */
export interface RefusedChat {
  readonly chatId: string;
  readonly state: ChatState;
  readonly reason: string;
}

/**
 * What `eraseCustomer` did. `erased` is true when nothing of the customer's chats is left. When a chat
 * is refused up front nothing at all is erased, so the operator ends those chats, runs the erasure again
 * and gets one report for the whole customer; a chat that becomes active while the erasure runs is
 * left, listed in `refused`, and the rest is erased.
 */
export interface ErasureReport {
  readonly customerId: string;
  readonly erased: boolean;
  readonly chatIds: readonly string[];
  readonly counts: ErasedCounts;
  readonly refused: readonly RefusedChat[];
}
