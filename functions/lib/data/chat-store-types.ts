import type { ChatState } from "../protocol/server-frames.ts";
import type { BucketState } from "../rate/token-bucket.ts";
import type { AssistantMemory, ChatRecord, MessageRecord, SubscriptionRecord } from "./records.ts";

/** What ChatStore reads and writes (chat-store.ts). */
export interface ChatWithSubscribers {
  readonly chat: ChatRecord | undefined;
  readonly subscriptions: SubscriptionRecord[];
  /** Each sender's message-rate bucket in this chat, by user id. */
  readonly rates: ReadonlyMap<string, BucketState>;
}

export interface AppendRequest {
  readonly chat: ChatRecord;
  readonly messages: readonly Omit<MessageRecord, "seq">[];
  readonly allowedStates: readonly ChatState[];
  readonly assistant?: AssistantMemory;
  readonly idempotency?: { senderId: string; clientMessageId: string };
  readonly subscribe?: SubscriptionRecord;
  /** Records, with the message, that the assistant asked for a handoff (see ChatRecord.handoffWanted). */
  readonly handoffWanted?: boolean;
  /** The sender's rate bucket after this message; written in the same transaction, so no extra call. */
  readonly rate?: { readonly userId: string; readonly bucket: BucketState };
}

export type AppendResult =
  | { kind: "stored"; messages: MessageRecord[] }
  | { kind: "duplicate"; seq: number }
  | { kind: "stale" };
