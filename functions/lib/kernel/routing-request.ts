import type { ChatRecord } from "../data/records.ts";
import type { RoutingRequest } from "../routing/types.ts";

/** What the router is asked about a chat: the customer's country and segment, the chat's language and topic. */
export const routingRequestOf = (chat: ChatRecord, escalation = false): RoutingRequest => ({
  country: chat.customer.country,
  language: chat.assistant.language,
  segment: chat.customer.segment,
  topic: chat.assistant.topic,
  escalation,
});
