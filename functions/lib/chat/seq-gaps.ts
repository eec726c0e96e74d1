import type { MessageRecord } from "../data/records.ts";

/**
 * How old a hole must be before it is closed: longer than any attempt to fill it can live (the
 * actions function gives up after 29 s, and a stale claim is taken over after 60 s; message-claim.ts).
 */
export const HOLE_SETTLE_MS = 60_000;

export interface ListedRange {
  /** Real messages listed, in seq order. */
  readonly messages: readonly Pick<MessageRecord, "seq" | "sentAt">[];
  /** Seqs already closed as void. */
  readonly voided: readonly number[];
}

/**
 * The holes in `afterSeq + 1 … lastSeq` that are old enough to close. A seq is reserved after the one
 * before it, so a hole is no younger than the next message stored after it; a hole at the end is no
 * younger than the chat's last reservation (`updatedAt`, which every reservation sets).
 */
export function settledHoles(
  range: ListedRange,
  afterSeq: number,
  lastSeq: number,
  chatUpdatedAt: string,
  now = Date.now(),
): number[] {
  const known = new Set([...range.messages.map((message) => message.seq), ...range.voided]);
  const holes: number[] = [];
  for (let seq = afterSeq + 1; seq <= lastSeq; seq += 1) {
    if (known.has(seq)) continue;
    const next = range.messages.find((message) => message.seq > seq);
    const bornBy = Date.parse(next?.sentAt ?? chatUpdatedAt);
    if (now - bornBy > HOLE_SETTLE_MS) holes.push(seq);
  }
  return holes;
}
