import type { AssistantReply, AssistantState } from "../assistant/types.ts";
import type { CustomerIdentity } from "../auth/identity.ts";
import { isCustomer } from "../auth/identity.ts";
import { newCaseNumber } from "../cases/case-number.ts";
import { createChatWithCase } from "../cases/open-chat-case.ts";
import type { ChatRecord, MessageRecord } from "../data/records.ts";
import { BadRequestError, ForbiddenError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import { toMessageFrame } from "../kernel/message-frames.ts";
import type { Needs } from "../kernel/ports.ts";
import { takeStartToken } from "../kernel/start-rate.ts";
import { languageFromLocale } from "../language/languages.ts";
import { explainRedaction, maskFreeText, newUnmaskedId } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { assistantMessage, toProfile } from "./assistant-turn.ts";
import { customerMessages } from "./inbound-text.ts";
import { requireRoomForChat } from "./open-chat-cap.ts";

/** A customer opens a chat; the virtual assistant greets them and answers their first words, if any. */
export async function startChat(
  deps: Needs<"chats" | "sender" | "assistant" | "cases" | "events" | "userChats">,
  caller: Caller,
  frame: ClientFrame<"startChat">,
): Promise<undefined> {
  const { identity } = caller;
  if (!isCustomer(identity)) throw new ForbiddenError("Only a customer can start a chat.");
  takeStartToken(identity.sub, "startChat");
  await requireRoomForChat(deps, identity.sub);
  const accountLast4 = chosenAccount(identity, frame.accountLast4);
  const language = frame.language ?? languageFromLocale(identity.locale);
  const profile = toProfile(identity);
  const now = new Date().toISOString();
  // The case number exists from the start: the assistant can give it if the first words ask for it.
  const caseNumber = newCaseNumber(new Date(now));

  const greeting = deps.assistant.greet(profile, language);
  let state: AssistantState = {
    ...greeting.state,
    details: { ...greeting.state.details, cardLast4: accountLast4 },
  };
  const messages: Omit<MessageRecord, "seq">[] = greeting.messages.map((text) => assistantMessage(text, now));
  const opening = frame.text?.trim() ? frame.text : frame.topic;
  if (opening) {
    const hidden = caller.redaction?.fields ?? {};
    const inbound = frame.text?.trim()
      ? customerMessages(identity, frame.text, language, now, undefined, hidden.text)
      : undefined;
    // The boundary masked the topic already; masking again keeps the assistant safe for other callers.
    const reply: AssistantReply = await deps.assistant.reply({
      text: inbound?.maskedText ?? maskFreeText(opening, { field: "topic" }).text,
      language,
      profile,
      state,
      caseNumber,
    });
    state = reply.state;
    messages.push(...(inbound?.messages ?? []));
    if (hidden.topic && !inbound?.redacted)
      messages.push({
        from: { role: "system" },
        text: explainRedaction([...hidden.topic], language),
        sentAt: now,
        redacted: false,
      });
    messages.push(...reply.messages.map((text) => assistantMessage(text, now)));
  }

  const chat: ChatRecord & { caseNumber: string } = {
    chatId: newUnmaskedId(),
    state: "assistant",
    createdAt: now,
    updatedAt: now,
    customer: {
      id: identity.sub,
      name: identity.name,
      country: identity.country,
      locale: identity.locale,
      segment: identity.segment,
      accountLast4,
    },
    participants: { [identity.sub]: { role: "customer", name: identity.name, joinedAt: now } },
    assistant: state,
    lastSeq: messages.length,
    caseNumber,
  };
  const created = await createChatWithCase(
    deps,
    chat,
    messages.map((message, index) => ({ ...message, seq: index + 1 })),
    { connectionId: caller.connectionId, userId: identity.sub, role: "customer" },
  );
  const stored = created.messages;
  const frames: ServerFrame[] = [
    {
      type: "chatStarted",
      requestId: frame.requestId,
      chatId: chat.chatId,
      state: chat.state,
      caseNumber: created.chat.caseNumber,
    },
    ...stored.map((message) => toMessageFrame(chat.chatId, message)),
  ];
  await deps.sender.send(caller.connectionId, frames);
  return undefined;
}

function chosenAccount(identity: CustomerIdentity, requested: string | undefined): string | undefined {
  if (requested === undefined)
    return identity.accounts.length === 1 ? identity.accounts[0]?.last4 : undefined;
  if (identity.accounts.length > 0 && !identity.accounts.some((account) => account.last4 === requested))
    throw new BadRequestError("accountLast4 is not one of your accounts.");
  return requested;
}
