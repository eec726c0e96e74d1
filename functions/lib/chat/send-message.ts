import { randomUUID } from "node:crypto";
import type { Claim, MessageKey } from "../data/message-log.ts";
import type { MessageRecord, SubscriptionRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { RateLimitedError } from "../errors.ts";
import { startHandoff } from "../handoff/start-handoff.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireActive, requireParticipant } from "../kernel/chat-access.ts";
import { toMessageFrame } from "../kernel/message-frames.ts";
import { refuseMonitor } from "../kernel/monitor-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { maskSensitive } from "../masking/index.ts";
import { metrics } from "../metrics.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import { MESSAGE_BURST, MESSAGE_RATE_PER_SECOND } from "../protocol/limits.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { takeToken } from "../rate/token-bucket.ts";
import { settleClaim } from "./message-claim.ts";
import { reserveTurn } from "./message-turn.ts";

export type SendMessagePorts = Needs<
  "chats" | "messageLog" | "sender" | "assistant" | "handoff" | "transactions" | "seqHoles"
>;

/**
 * The message path, three calls in a row (see MessageLog): the chat with its subscribers and the
 * sender's rate bucket (one Query) beside the claim of the `clientMessageId`; the reservation of the
 * next seqs (an atomic counter, which concurrent senders pass one after another rather than
 * cancelling each other); the messages written at those seqs. Then the posts in parallel. A message is
 * refused (rate, state, access) before its seq is reserved, so a reserved seq is always filled.
 * While the assistant holds the chat its answer depends on the chat as read: only then does the
 * reservation insist on an unchanged `lastSeq`, and a sender that lost that race reads again.
 */
export async function sendMessage(
  deps: SendMessagePorts,
  caller: Caller,
  frame: ClientFrame<"sendMessage">,
): Promise<ServerFrame<"ack">> {
  const { identity } = caller;
  const key: MessageKey = {
    chatId: frame.chatId,
    senderId: identity.sub,
    clientMessageId: frame.clientMessageId,
  };
  const claimId = randomUUID();
  let claim: Claim | undefined;
  let stored = false;
  try {
    return await retryOnConflict(
      async () => {
        const [loaded, claimed] = await Promise.all([
          deps.chats.loadWithSubscribers(frame.chatId),
          claim?.kind === "claimed" ? claim : deps.messageLog.claim(key, claimId),
        ]);
        claim = claimed;
        const { chat, subscriptions, rates } = loaded;
        refuseMonitor(chat, subscriptions, caller);
        requireParticipant(chat, caller);
        if (claim.kind === "pending") claim = await settleClaim(deps, key, claimId, claim);
        if (claim.kind === "stored") {
          // The first attempt committed but may have failed before its handoff started: start it now.
          if (chat.state === "assistant" && chat.handoffWanted)
            await ensureHandoff(deps, chat.chatId, chat.handoffs ?? 0);
          return ack(frame, claim.seq, hidText(caller) || maskSensitive(frame.text).redacted, true);
        }
        requireActive(chat);
        const handoffs = chat.handoffs ?? 0;
        // The sender's bucket came with the same Query and goes back with the messages.
        const rate = takeToken(rates.get(identity.sub), {
          burst: MESSAGE_BURST,
          perSecond: MESSAGE_RATE_PER_SECOND,
        });
        if (!rate.allowed) {
          metrics.addMetric("RateLimited", "Count", 1);
          throw new RateLimitedError(rate.retryAfterSeconds);
        }
        const turn = await reserveTurn(deps, caller, frame, chat);
        if (!turn) return RETRY;
        const { records, wantsAgent } = turn;
        const firstSeq = records[0]?.seq ?? chat.lastSeq + 1;
        const subscribed = subscriptions.some(
          (subscription) => subscription.connectionId === caller.connectionId,
        );
        const ownSubscription: SubscriptionRecord = {
          connectionId: caller.connectionId,
          userId: identity.sub,
          role: identity.role,
        };
        const [written] = await Promise.all([
          writeOrClose(deps, chat.chatId, records, () =>
            deps.messageLog.write({
              key,
              claimId,
              messages: records,
              rate: { userId: identity.sub, bucket: rate.next },
            }),
          ),
          // A sender that is not subscribed yet (a second tab) is; should its connection be gone, so is it.
          subscribed ? undefined : deps.chats.subscribe(chat.chatId, ownSubscription).catch(() => undefined),
        ]);
        if (!written) throw new Error("The message's claim was taken over while it was being stored.");
        stored = true;
        metrics.addMetric("Messages", "Count", records.length);
        // Stored: posts that fail are recoverable with resume, and the sender is told success.
        const recipients = subscribed ? subscriptions : [...subscriptions, ownSubscription];
        const frames = records.map((message) => toMessageFrame(chat.chatId, message));
        await deps.sender.broadcast(recipients, frames, { chatId: chat.chatId });
        // The assistant decided (or the customer asked) that a person should take over.
        if (wantsAgent) await ensureHandoff(deps, chat.chatId, handoffs);
        return ack(frame, firstSeq, turn.redacted, false);
      },
      { operation: "sendMessage" },
    );
  } finally {
    // Not stored: a later retry may send it. Retried, so that a throttled moment does not leave the
    // claim to go stale (a retry would wait for it a minute).
    if (claim?.kind === "claimed" && !stored)
      await afterCommit("releaseClaim", () => deps.messageLog.release(key, claimId));
  }
}

/**
 * Writes the messages at their reserved seqs. Should the write fail (throttled beyond the SDK's
 * retries, say), its seqs must not stay holes that hold every client's in-order delivery: they are
 * closed at once, retried within a budget. A seq found filled instead means the write did commit
 * (only its answer was lost), and the message counts as stored.
 */
async function writeOrClose(
  deps: SendMessagePorts,
  chatId: string,
  records: readonly MessageRecord[],
  write: () => Promise<boolean>,
): Promise<boolean> {
  try {
    return await write();
  } catch (error) {
    let committed = false;
    await afterCommit("closeReservedSeqs", async () => {
      for (const record of records) if (!(await deps.seqHoles.close(chatId, record.seq))) committed = true;
    });
    if (committed) return true;
    throw error;
  }
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
