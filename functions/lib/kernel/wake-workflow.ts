import type { TransactItem } from "../data/transaction.ts";
import type { WaitOutcome } from "../workflows/handoff-workflow.ts";
import type { Needs } from "./ports.ts";

/** Which of the handoff workflow's waits to wake: the wait for an offer, for an answer, or both. */
export type WaitKind = "waitToken" | "answerToken";

/**
 * The one rule for telling the handoff workflow about a change: write first, then re-read the chat and
 * signal the token found there. A workflow that parks stores its token before it reads the entry, so
 * either this read sees the token, or the workflow's read sees the change: no wake-up is ever lost.
 * Returns false (and signals nothing) when the transaction's conditions failed.
 */
export async function commitAndWake(
  deps: Needs<"transactions" | "chats" | "handoff">,
  chatId: string,
  items: TransactItem[],
  wake: readonly WaitKind[],
  outcome: WaitOutcome,
): Promise<boolean> {
  if (items.length > 0 && !(await deps.transactions.commit(items))) return false;
  const chat = await deps.chats.get(chatId);
  for (const kind of wake) await deps.handoff.signal(chat?.[kind], outcome);
  return true;
}
