import type { ChatState, MessageFrame } from "./types.ts";

interface TrackedChat {
  lastSeq: number;
  state?: ChatState;
  /**
   * Messages that arrived ahead of a gap, by seq, delivered once the gap is filled; `null` for a seq the
   * server said holds no message (`resumed.skipped`), passed over without an event.
   */
  readonly ahead: Map<number, MessageFrame | null>;
}

/**
 * The last `seq` seen per chat. Messages come out of `accept` once each and in seq order: a seq
 * already seen is dropped (a replay after resume may repeat a live message), one beyond a gap waits
 * until the gap is filled (by a `resume` from `lastSeq`, which the client sends when it sees a gap).
 */
export class ChatTracker {
  private readonly chats = new Map<string, TrackedChat>();

  /** Starts tracking a chat from a known seq (0 for a new chat); never moves an existing one back. */
  track(chatId: string, lastSeq: number, state?: ChatState): void {
    const chat = this.chats.get(chatId);
    if (!chat) this.chats.set(chatId, { lastSeq, state, ahead: new Map() });
    else if (state) chat.state = state;
  }

  setState(chatId: string, state: ChatState): void {
    const chat = this.chats.get(chatId);
    if (chat) chat.state = state;
  }

  lastSeq(chatId: string): number | undefined {
    return this.chats.get(chatId)?.lastSeq;
  }

  /** Chats to resume after a reconnect: every tracked chat not known to have ended, with its last seq. */
  resumable(): { chatId: string; lastSeq: number }[] {
    return [...this.chats]
      .filter(([, chat]) => chat.state !== "ended")
      .map(([chatId, chat]) => ({ chatId, lastSeq: chat.lastSeq }));
  }

  /** True while a chat has messages waiting behind a gap. */
  hasGap(chatId: string): boolean {
    return (this.chats.get(chatId)?.ahead.size ?? 0) > 0;
  }

  /** The messages this frame makes deliverable, in order; empty for a duplicate or one past a gap. */
  accept(message: MessageFrame): MessageFrame[] {
    let chat = this.chats.get(message.chatId);
    if (!chat) {
      // The first message of a chat this client did not start or resume (an agent's new chat).
      chat = { lastSeq: message.seq - 1, ahead: new Map() };
      this.chats.set(message.chatId, chat);
    }
    if (message.seq <= chat.lastSeq) return [];
    if (message.seq > chat.lastSeq + 1) {
      chat.ahead.set(message.seq, message);
      return [];
    }
    chat.lastSeq = message.seq;
    return [message, ...this.advance(chat)];
  }

  /** Seqs the server closed without a message (`resumed.skipped`): the messages they held back. */
  skip(chatId: string, seqs: readonly number[]): MessageFrame[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    for (const seq of seqs) if (seq > chat.lastSeq && !chat.ahead.has(seq)) chat.ahead.set(seq, null);
    return this.advance(chat);
  }

  /** Moves past every seq now in order behind `lastSeq`, returning the messages among them. */
  private advance(chat: TrackedChat): MessageFrame[] {
    const ready: MessageFrame[] = [];
    while (chat.ahead.has(chat.lastSeq + 1)) {
      const next = chat.ahead.get(chat.lastSeq + 1);
      chat.ahead.delete(chat.lastSeq + 1);
      if (next) ready.push(next);
      chat.lastSeq += 1;
    }
    for (const seq of chat.ahead.keys()) if (seq <= chat.lastSeq) chat.ahead.delete(seq);
    return ready;
  }
}
