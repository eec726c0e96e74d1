import { percentile } from "../stats.ts";

/**
 * The load generator's ledger: every send and what came of it, every delivery each participant's SDK
 * emitted, and from which seq each participant was owed the chat's messages. Pure bookkeeping, so the
 * classification below is unit-tested apart from any socket.
 *
 * - lost: a message acknowledged to its sender that some participant owed it never received, or a
 *   send that got neither an ack nor an error (`unanswered`, counted in `lost` too);
 * - duplicated: a participant receiving the same seq twice, or one clientMessageId acked under two seqs;
 * - reordered: a participant receiving a seq lower than one it had already received in that chat.
 */
export type Outcome =
  | { readonly kind: "ack"; readonly seq: number; readonly at: number }
  | { readonly kind: "error"; readonly code: string; readonly at: number };

interface Send {
  readonly chatId: string;
  readonly clientMessageId: string;
  readonly sender: string;
  readonly sentAt: number;
  outcome?: Outcome;
}

interface Membership {
  readonly party: string;
  readonly chatId: string;
  /** The first seq this participant must receive as a live or replayed message. */
  readonly fromSeq: number;
}

interface Delivery {
  readonly party: string;
  readonly chatId: string;
  readonly seq: number;
  readonly at: number;
}

export interface LedgerSummary {
  /** Send attempts (a retry after RATE_LIMITED is a second attempt of the same message). */
  readonly attempts: number;
  readonly messages: number;
  readonly acked: number;
  readonly unanswered: number;
  readonly lost: number;
  /** Owed (message, participant) pairs that never arrived. */
  readonly missedDeliveries: number;
  readonly duplicated: number;
  readonly reordered: number;
  /** Send attempts answered with an error, by code. */
  readonly errors: Readonly<Record<string, number>>;
  /** Other requests that failed, as `action:CODE`. */
  readonly requestErrors: Readonly<Record<string, number>>;
  /** Acked messages that reached every participant owed them. */
  readonly delivered: number;
  /** Sender's send to another participant's delivery, ms, over every (message, recipient) pair. */
  readonly latency: {
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly count: number;
  };
}

const key = (chatId: string, id: string) => `${chatId}\u0000${id}`;

export class Ledger {
  private readonly sends = new Map<string, Send>();
  private readonly attemptErrors = new Map<string, number>();
  private attempts = 0;
  private readonly memberships: Membership[] = [];
  private readonly deliveries: Delivery[] = [];
  private readonly sendsByChat = new Map<string, Send[]>();
  private readonly receivedSeqs = new Map<string, Set<number>>();

  /** A send attempt of a message (the same clientMessageId again is a retry of it). */
  sent(chatId: string, clientMessageId: string, sender: string, at: number): void {
    this.attempts += 1;
    const id = key(chatId, clientMessageId);
    const existing = this.sends.get(id);
    if (existing) existing.outcome = undefined;
    else {
      const send: Send = { chatId, clientMessageId, sender, sentAt: at };
      this.sends.set(id, send);
      const ofChat = this.sendsByChat.get(chatId) ?? [];
      ofChat.push(send);
      this.sendsByChat.set(chatId, ofChat);
    }
  }

  answered(chatId: string, clientMessageId: string, outcome: Outcome): void {
    const send = this.sends.get(key(chatId, clientMessageId));
    if (!send) throw new Error(`No send of ${clientMessageId} in ${chatId}`);
    if (outcome.kind === "error")
      this.attemptErrors.set(outcome.code, (this.attemptErrors.get(outcome.code) ?? 0) + 1);
    // An ack is final: a later answer of another attempt cannot take it back.
    if (send.outcome?.kind !== "ack") send.outcome = outcome;
    else if (outcome.kind === "ack" && outcome.seq !== send.outcome.seq) this.duplicateAcks += 1;
  }

  private duplicateAcks = 0;
  private readonly requestErrors = new Map<string, number>();

  /** Another request of the chat's script (startChat, requestAgent, acceptChat, endChat) failed. */
  requestFailed(action: string, code: string): void {
    const name = `${action}:${code}`;
    this.requestErrors.set(name, (this.requestErrors.get(name) ?? 0) + 1);
  }

  /** From `fromSeq` on, `party` must receive every message of the chat (a customer from 1, an agent after its history). */
  member(party: string, chatId: string, fromSeq: number): void {
    this.memberships.push({ party, chatId, fromSeq });
  }

  delivered(party: string, chatId: string, seq: number, at: number): void {
    this.deliveries.push({ party, chatId, seq, at });
    const stream = key(chatId, party);
    const seqs = this.receivedSeqs.get(stream) ?? new Set<number>();
    seqs.add(seq);
    this.receivedSeqs.set(stream, seqs);
  }

  /** True once `party` received every acked message of `chatId` it is owed. */
  settledFor(party: string, chatId: string): boolean {
    const membership = this.memberships.find((m) => m.party === party && m.chatId === chatId);
    if (!membership) return true;
    const received = this.receivedSeqs.get(key(chatId, party));
    for (const send of this.sendsByChat.get(chatId) ?? [])
      if (send.outcome?.kind === "ack" && send.outcome.seq >= membership.fromSeq)
        if (!received?.has(send.outcome.seq)) return false;
    return true;
  }

  /** True once every send has an outcome and every acked message reached everyone owed it. */
  settled(): boolean {
    const summary = this.summary();
    return summary.unanswered === 0 && summary.missedDeliveries === 0;
  }

  summary(): LedgerSummary {
    const received = new Map<string, Map<number, number>>();
    let duplicated = this.duplicateAcks;
    let reordered = 0;
    const highest = new Map<string, number>();
    for (const delivery of this.deliveries) {
      const stream = key(delivery.chatId, delivery.party);
      const seen = received.get(stream) ?? new Map<number, number>();
      received.set(stream, seen);
      if (seen.has(delivery.seq)) duplicated += 1;
      else seen.set(delivery.seq, delivery.at);
      if (delivery.seq < (highest.get(stream) ?? 0)) reordered += 1;
      highest.set(stream, Math.max(highest.get(stream) ?? 0, delivery.seq));
    }
    const owed = new Map<string, Membership[]>();
    for (const membership of this.memberships) {
      const list = owed.get(membership.chatId) ?? [];
      list.push(membership);
      owed.set(membership.chatId, list);
    }
    let acked = 0;
    let unanswered = 0;
    let lost = 0;
    let missedDeliveries = 0;
    let delivered = 0;
    const latencies: number[] = [];
    for (const send of this.sends.values()) {
      if (!send.outcome) {
        unanswered += 1;
        continue;
      }
      if (send.outcome.kind !== "ack") continue;
      acked += 1;
      const { seq } = send.outcome;
      let missed = 0;
      for (const membership of owed.get(send.chatId) ?? []) {
        if (seq < membership.fromSeq) continue;
        const at = received.get(key(send.chatId, membership.party))?.get(seq);
        if (at === undefined) missed += 1;
        else if (membership.party !== send.sender) latencies.push(at - send.sentAt);
      }
      missedDeliveries += missed;
      if (missed > 0) lost += 1;
      else delivered += 1;
    }
    return {
      attempts: this.attempts,
      messages: this.sends.size,
      acked,
      unanswered,
      lost: lost + unanswered,
      missedDeliveries,
      duplicated,
      reordered,
      errors: Object.fromEntries([...this.attemptErrors].sort(([a], [b]) => a.localeCompare(b))),
      requestErrors: Object.fromEntries([...this.requestErrors].sort(([a], [b]) => a.localeCompare(b))),
      delivered,
      latency: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        count: latencies.length,
      },
    };
  }
}
