import type { CustomerProfile } from "../assistant/types.ts";
import type { CustomerIdentity } from "../auth/identity.ts";
import type { MessageRecord } from "../data/records.ts";
import { ASSISTANT } from "../kernel/post-chat-message.ts";

/** What the assistant may know of the customer: the token's claims, never message text. */
export const toProfile = (identity: CustomerIdentity): CustomerProfile => ({
  country: identity.country,
  locale: identity.locale,
  segment: identity.segment,
  name: identity.name,
  accounts: identity.accounts,
});

export const assistantMessage = (text: string, sentAt: string): Omit<MessageRecord, "seq"> => ({
  from: ASSISTANT,
  text,
  sentAt,
  redacted: false,
});
