import type { OfferContext } from "../data/agent-records.ts";
import type { ChatRecord } from "../data/records.ts";

/**
 * What the assistant learned about a chat, as any offer shows it to the staff member offered it: the
 * queue's offer (handoff/enqueue.ts) and a conference invitation (conference/invite-context.ts) add why.
 */
export function learnedContext(
  chat: ChatRecord,
): Pick<
  OfferContext,
  | "topic"
  | "language"
  | "country"
  | "segment"
  | "customerName"
  | "accountLast4"
  | "details"
  | "accommodations"
> {
  const { details } = chat.assistant;
  return {
    topic: chat.assistant.topic,
    language: chat.assistant.language,
    country: chat.customer.country,
    segment: chat.customer.segment,
    customerName: chat.customer.name,
    accountLast4: details.cardLast4 ?? chat.customer.accountLast4,
    details: {
      amount: details.amount,
      currency: details.currency,
      date: details.date,
      merchant: details.merchant,
    },
    accommodations: details.accommodations,
  };
}
