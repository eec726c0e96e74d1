import { setTimeout as sleep } from "node:timers/promises";
import { startHandoff } from "../agents/request-agent.ts";
import type { AssistantState } from "../assistant/types.ts";
import { isCustomer } from "../auth/identity.ts";
import type { AppendResult } from "../data/chat-store.ts";
import type { MessageRecord, SubscriptionRecord } from "../data/records.ts";
import { ConflictError } from "../errors.ts";
import type { HandoffDependencies } from "../handoff/handoff-dependencies.ts";
import { maskSensitive } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import type { Caller } from "./caller.ts";
import { ACTIVE_STATES, requireActive, requireParticipant } from "./chat-access.ts";
import { toMessageFrame } from "./frames.ts";
import { customerMessages } from "./inbound-text.ts";
import { assistantMessage, toProfile } from "./start-chat.ts";

const MAX_ATTEMPTS = 8;

/**
 * The message path: one read (the chat with its subscribed connections), one transaction (next seq
 * under a condition on the last one, the message, its idempotency key), then the posts in parallel.
 * While the virtual assistant holds the chat, its answer is stored in the same transaction.
 */
export async function sendMessage(
  deps: HandoffDependencies,
  caller: Caller,
  frame: ClientFrame<"sendMessage">,
): Promise<ServerFrame<"ack">> {
  const { identity } = caller;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const { chat, subscriptions } = await deps.chats.loadWithSubscribers(frame.chatId);
    requireParticipant(chat, caller);
    if (!ACTIVE_STATES.includes(chat.state)) {
      // A retry of a message stored before the chat ended still gets its ack.
      const seq = await deps.chats.storedSeq(chat.chatId, identity.sub, frame.clientMessageId);
      if (seq !== undefined)
        return ack(frame, seq, hidText(caller) || maskSensitive(frame.text).redacted, true);
      requireActive(chat);
    }
    const now = new Date().toISOString();
    const inbound = customerMessages(
      identity,
      frame.text,
      chat.assistant.language,
      now,
      frame.clientMessageId,
      caller.redaction?.fields.text,
    );
    const messages: Omit<MessageRecord, "seq">[] = [...inbound.messages];
    let assistant: AssistantState | undefined;
    let wantsAgent = false;
    if (chat.state === "assistant" && isCustomer(identity)) {
      const reply = await deps.assistant.reply({
        text: inbound.maskedText,
        profile: toProfile(identity),
        state: chat.assistant,
      });
      assistant = reply.state;
      wantsAgent = reply.wantsAgent;
      messages.push(...reply.messages.map((text) => assistantMessage(text, now)));
    }
    const subscribed = subscriptions.some(
      (subscription) => subscription.connectionId === caller.connectionId,
    );
    const ownSubscription: SubscriptionRecord = {
      connectionId: caller.connectionId,
      userId: identity.sub,
      role: identity.role,
    };
    const result: AppendResult = await deps.chats.append({
      chat,
      messages,
      allowedStates: ACTIVE_STATES,
      assistant,
      idempotency: { senderId: identity.sub, clientMessageId: frame.clientMessageId },
      subscribe: subscribed ? undefined : ownSubscription,
    });
    if (result.kind === "duplicate") return ack(frame, result.seq, inbound.redacted, true);
    if (result.kind === "stored") {
      const recipients = subscribed ? subscriptions : [...subscriptions, ownSubscription];
      const frames = result.messages.map((message) => toMessageFrame(chat.chatId, message));
      await deps.sender.broadcast(recipients, frames, { chatId: chat.chatId });
      // The assistant decided (or the customer asked) that a person should take over.
      if (wantsAgent) await startHandoff(deps, chat.chatId, chat.handoffs ?? 0);
      return ack(frame, result.messages[0]?.seq ?? chat.lastSeq + 1, inbound.redacted, false);
    }
    await sleep(Math.random() * 10 * (attempt + 1));
  }
  throw new ConflictError(
    "The chat is too busy right now; send the message again with the same clientMessageId.",
  );
}

const hidText = (caller: Caller) => caller.redaction?.fields.text !== undefined;

const ack = (
  frame: ClientFrame<"sendMessage">,
  seq: number,
  redacted: boolean,
  duplicate: boolean,
): ServerFrame<"ack"> => ({
  type: "ack",
  requestId: frame.requestId,
  chatId: frame.chatId,
  clientMessageId: frame.clientMessageId,
  seq,
  redacted,
  duplicate,
});
