import type { ChatRecord, Participant } from "../data/records.ts";
import { ChatClosedError, NotFoundError } from "../errors.ts";
import type { ChatState } from "../protocol/server-frames.ts";
import type { Caller } from "./caller.ts";

export const ACTIVE_STATES: readonly ChatState[] = ["assistant", "queued", "assigned"];

/**
 * A caller who is not a participant gets the same answer as for a chat that does not exist, so
 * that chat ids cannot be probed.
 */
export function requireParticipant(chat: ChatRecord | undefined, caller: Caller): asserts chat is ChatRecord {
  if (!chat || !participantOf(chat, caller)) throw new NotFoundError();
}

export function participantOf(chat: ChatRecord, caller: Caller): Participant | undefined {
  // Own properties only: a sub such as "constructor" must not find Object.prototype's members.
  const { sub } = caller.identity;
  return Object.hasOwn(chat.participants, sub) ? chat.participants[sub] : undefined;
}

export function requireActive(chat: ChatRecord): void {
  if (!ACTIVE_STATES.includes(chat.state)) throw new ChatClosedError();
}
