import type { AssistantState } from "../assistant/types.ts";
import { isCustomer } from "../auth/identity.ts";
import type { MessageRecord, SubscriptionRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { RateLimitedError } from "../errors.ts";
import { startHandoff } from "../handoff/start-handoff.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { ACTIVE_STATES, requireActive, requireParticipant } from "../kernel/chat-access.ts";
import { toMessageFrame } from "../kernel/message-frames.ts";
import type { Needs } from "../kernel/ports.ts";
import { maskSensitive } from "../masking/index.ts";
import { metrics } from "../metrics.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import { MESSAGE_BURST, MESSAGE_RATE_PER_SECOND } from "../protocol/limits.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { takeToken } from "../rate/token-bucket.ts";
import { assistantMessage, toProfile } from "./assistant-turn.ts";
import { customerMessages } from "./inbound-text.ts";

export type SendMessagePorts = Needs<"chats" | "sender" | "assistant" | "transactions" | "handoff">;

/**
 * The message path: one read (the chat with its subscribed connections), one transaction (next seq
 * under a condition on the last one, the message, its idempotency key), then the posts in parallel.
 * While the virtual assistant holds the chat, its answer is stored in the same transaction. Senders
 * racing for the same seq back off with jitter (retryOnConflict) and read again.
 */
export function sendMessage(
  deps: SendMessagePorts,
  caller: Caller,
  frame: ClientFrame<"sendMessage">,
): Promise<ServerFrame<"ack">> {
  const { identity } = caller;
  return retryOnConflict(
    async () => {
      const { chat, subscriptions, rates } = await deps.chats.loadWithSubscribers(frame.chatId);
      requireParticipant(chat, caller);
      if (!ACTIVE_STATES.includes(chat.state)) {
        // A retry of a message stored before the chat ended still gets its ack.
        const seq = await deps.chats.storedSeq(chat.chatId, identity.sub, frame.clientMessageId);
        if (seq !== undefined)
          return ack(frame, seq, hidText(caller) || maskSensitive(frame.text).redacted, true);
        requireActive(chat);
      }
      const handoffs = chat.handoffs ?? 0;
      // The sender's bucket came with the same Query and goes back in the same transaction.
      const rate = takeToken(rates.get(identity.sub), {
        burst: MESSAGE_BURST,
        perSecond: MESSAGE_RATE_PER_SECOND,
      });
      if (!rate.allowed) {
        metrics.addMetric("RateLimited", "Count", 1);
        throw new RateLimitedError(rate.retryAfterSeconds);
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
      const result = await deps.chats.append({
        chat,
        messages,
        allowedStates: ACTIVE_STATES,
        assistant,
        idempotency: { senderId: identity.sub, clientMessageId: frame.clientMessageId },
        subscribe: subscribed ? undefined : ownSubscription,
        handoffWanted: wantsAgent,
        rate: { userId: identity.sub, bucket: rate.next },
      });
      if (result.kind === "duplicate") {
        // The first attempt committed but may have failed before its handoff started: start it now.
        if (chat.state === "assistant" && chat.handoffWanted)
          await ensureHandoff(deps, chat.chatId, handoffs);
        return ack(frame, result.seq, inbound.redacted, true);
      }
      if (result.kind === "stale") return RETRY;
      // Committed: posts that fail are recoverable with resume, and the sender is told success.
      metrics.addMetric("Messages", "Count", result.messages.length);
      const recipients = subscribed ? subscriptions : [...subscriptions, ownSubscription];
      const frames = result.messages.map((message) => toMessageFrame(chat.chatId, message));
      await deps.sender.broadcast(recipients, frames, { chatId: chat.chatId });
      // The assistant decided (or the customer asked) that a person should take over.
      if (wantsAgent) await ensureHandoff(deps, chat.chatId, handoffs);
      return ack(frame, result.messages[0]?.seq ?? chat.lastSeq + 1, inbound.redacted, false);
    },
    { operation: "sendMessage" },
  );
}

/**
 * Starts the handoff the stored message asked for, retrying within a budget. Should it still fail, the
 * chat keeps `handoffWanted`, so a retried send, a `requestAgent` or the reconciler starts it.
 */
const ensureHandoff = (deps: SendMessagePorts, chatId: string, handoffs: number) =>
  afterCommit("startHandoff", () => startHandoff(deps, chatId, handoffs));

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
