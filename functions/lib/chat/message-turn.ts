import { setTimeout as sleep } from "node:timers/promises";
import type { AssistantState } from "../assistant/types.ts";
import { isCustomer } from "../auth/identity.ts";
import type { ChatRecord, MessageRecord } from "../data/records.ts";
import type { Caller } from "../kernel/caller.ts";
import { ACTIVE_STATES } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import { assistantMessage, toProfile } from "./assistant-turn.ts";
import { customerMessages } from "./inbound-text.ts";
import { whileQueued, withHandoffHints } from "./queued-assistant.ts";

export interface ReservedTurn {
  /** The messages at their reserved seqs: the sender's, a masking notice, the assistant's answer. */
  readonly records: MessageRecord[];
  readonly redacted: boolean;
  readonly wantsAgent: boolean;
}

/** A turn losing the assistant's race this often reads the whole chat again (its state moved). */
const TURN_TRIES = 40;

/**
 * Builds a message's turn and reserves its seqs. In an assigned or queued chat the turn depends on
 * nothing but the message, so one atomic reservation always succeeds. While the assistant holds the
 * chat its answer depends on its memory as read, so the reservation insists on an unchanged `lastSeq`;
 * a sender that lost that race reads the chat item alone (not the whole partition) and answers again:
 * one GetItem and one UpdateItem per lost race, short jittered pauses. Undefined: read everything again.
 */
export async function reserveTurn(
  deps: Needs<"chats" | "messageLog" | "assistant">,
  caller: Caller,
  frame: ClientFrame<"sendMessage">,
  chat: ChatRecord,
): Promise<ReservedTurn | undefined> {
  let current = chat;
  for (let tries = 0; ; tries += 1) {
    const now = new Date().toISOString();
    const inbound = customerMessages(
      caller.identity,
      frame.text,
      current.assistant.language,
      now,
      frame.clientMessageId,
      caller.redaction?.fields.text,
    );
    const messages: Omit<MessageRecord, "seq">[] = [...inbound.messages];
    let assistant: AssistantState | undefined;
    let wantsAgent = false;
    // The assistant answers while it holds the chat, and keeps answering while the chat waits for an agent.
    const answers =
      (current.state === "assistant" || current.state === "queued") && isCustomer(caller.identity);
    if (answers) {
      const answer = withHandoffHints(
        await deps.assistant.reply({
          text: inbound.maskedText,
          profile: toProfile(caller.identity),
          state: current.assistant,
          caseNumber: current.caseNumber,
        }),
      );
      const reply = current.state === "queued" ? whileQueued(answer) : answer;
      assistant = reply.state;
      wantsAgent = reply.wantsAgent;
      messages.push(...reply.messages.map((text) => assistantMessage(text, now)));
    }
    const firstSeq = await deps.messageLog.reserve({
      chatId: current.chatId,
      count: messages.length,
      // An answer is only right for the state it was written in (an agent may have joined meanwhile).
      allowedStates: answers ? [current.state] : ACTIVE_STATES,
      expectLastSeq: answers ? current.lastSeq : undefined,
      assistant,
      handoffWanted: wantsAgent,
    });
    if (firstSeq !== undefined)
      return {
        records: messages.map((message, index) => ({ ...message, seq: firstSeq + index })),
        redacted: inbound.redacted,
        wantsAgent,
      };
    const fresh = await deps.chats.get(current.chatId);
    if (!fresh || !ACTIVE_STATES.includes(fresh.state) || tries >= TURN_TRIES) return undefined;
    current = fresh;
    await sleep(Math.random() * 4 * 2 ** Math.min(tries, 5));
  }
}
