import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import type { CaseRecord } from "../data/case-records.ts";
import type { ChatRecord, MessageRecord, SubscriptionRecord } from "../data/records.ts";
import type { Needs } from "../kernel/ports.ts";
import { publishEvents } from "../kernel/publish-events.ts";
import { caseCreatedEvent } from "./case-events.ts";
import { newCaseNumber } from "./case-number.ts";

const CASE_NUMBER_DRAWS = 5;

/**
 * Creates a chat together with its own case, in one transaction: the case number exists from the
 * start, so the customer, the assistant and the agent can all give it. A drawn number already taken
 * (about one chance in a billion a day) cancels the transaction; the number is drawn again and put in
 * place of the old one wherever the opening messages gave it. Returns the chat as stored.
 */
export async function createChatWithCase(
  deps: Needs<"chats" | "cases" | "events">,
  chat: ChatRecord & { readonly caseNumber: string },
  messages: readonly MessageRecord[],
  subscription: SubscriptionRecord,
): Promise<{ chat: ChatRecord & { caseNumber: string }; messages: MessageRecord[] }> {
  let current = { chat, messages: [...messages] };
  for (let draw = 1; ; draw += 1) {
    const record = chatCase(current.chat);
    try {
      await deps.chats.create(current.chat, current.messages, subscription, [deps.cases.createItem(record)]);
      await publishEvents(deps, [caseCreatedEvent(record)]);
      return current;
    } catch (error) {
      const taken =
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.at(-1)?.Code === "ConditionalCheckFailed";
      if (!taken || draw >= CASE_NUMBER_DRAWS) throw error;
      const previous = current.chat.caseNumber;
      const caseNumber = newCaseNumber(new Date(current.chat.createdAt));
      current = {
        chat: { ...current.chat, caseNumber },
        messages: current.messages.map((message) => ({
          ...message,
          text: message.text.replaceAll(previous, caseNumber),
        })),
      };
    }
  }
}

export function chatCase(chat: ChatRecord & { readonly caseNumber: string }): CaseRecord {
  return {
    caseNumber: chat.caseNumber,
    chatId: chat.chatId,
    kind: "chat",
    status: "open",
    customerId: chat.customer.id,
    createdAt: chat.createdAt,
    updatedAt: chat.createdAt,
    history: [{ status: "open", at: chat.createdAt, by: { role: "system" } }],
  };
}
