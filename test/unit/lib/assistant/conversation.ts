/** Shared fixtures for the rule-based assistant's tests: a customer and a way to play a conversation. */
import { RuleBasedAssistant } from "../../../../functions/lib/assistant/rule-based-assistant.ts";
import type {
  AssistantDirectory,
  AssistantReply,
  AssistantState,
  CustomerProfile,
  Language,
} from "../../../../functions/lib/assistant/types.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/parse-routing-config.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

export const OFFER = "Would you like me to connect you with a live agent?";
export const SEED_EXAMPLE =
  "I want to dispute a $127.43 charge from XYZ Store on 08/15 that I didn't authorize";

/** The shipped routing configuration: its numbers and products are what the assistant gives. */
export const DIRECTORY: AssistantDirectory = parseRoutingConfig(defaultRouting);

/** The assistant as production builds it, with the shipped directory. */
export function newAssistant(directory: AssistantDirectory = DIRECTORY): RuleBasedAssistant {
  return new RuleBasedAssistant(directory);
}

export function profile(overrides: Partial<CustomerProfile> = {}): CustomerProfile {
  return {
    country: "US",
    locale: "en-US",
    segment: "consumer",
    name: "Maria Lopez",
    accounts: [{ last4: "1234" }, { last4: "5678" }],
    ...overrides,
  };
}

export function freshState(language: Language = "en"): AssistantState {
  return { language, details: {}, turns: 0, agentOffered: false };
}

/** Plays the customer's messages in order and returns every reply. */
export async function converse(customer: CustomerProfile, texts: string[]): Promise<AssistantReply[]> {
  const assistant = newAssistant();
  let state = assistant.greet(customer).state;
  const replies: AssistantReply[] = [];
  for (const text of texts) {
    const reply = await assistant.reply({ text, profile: customer, state });
    replies.push(reply);
    state = reply.state;
  }
  return replies;
}

export function last(replies: AssistantReply[]): AssistantReply {
  const reply = replies.at(-1);
  if (reply === undefined) throw new Error("no reply");
  return reply;
}
