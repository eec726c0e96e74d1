import { setTimeout as sleep } from "node:timers/promises";
import type { Claim, MessageKey } from "../data/message-log.ts";
import { RateLimitedError } from "../errors.ts";
import type { Needs } from "../kernel/ports.ts";

/** Longer than any attempt can live (the actions function times out at 29 s): such a claim's attempt died. */
export const STALE_CLAIM_MS = 60_000;
/** How long a retry waits for the attempt it raced to store the message. */
const WAIT_FOR_ORIGINAL_MS = 5_000;
const POLL_MS = 100;

/**
 * Settles a claim that another attempt of the same message holds (a retry racing its original):
 * waits for it to be stored and returns its seq, takes it over if its attempt died, or claims it
 * again if it was released. Still in flight after the wait: RATE_LIMITED, which clients retry.
 */
export async function settleClaim(
  deps: Needs<"messageLog">,
  key: MessageKey,
  claimId: string,
  claim: Claim,
): Promise<Exclude<Claim, { kind: "pending" }>> {
  const deadline = Date.now() + WAIT_FOR_ORIGINAL_MS;
  let current = claim;
  while (current.kind === "pending") {
    const { claimedAt } = current;
    if (Date.now() - claimedAt > STALE_CLAIM_MS && (await deps.messageLog.takeOver(key, claimId, claimedAt)))
      return { kind: "claimed" };
    if (Date.now() >= deadline)
      throw new RateLimitedError(1, "This message is still being stored; please send it again in a moment.");
    await sleep(POLL_MS * (0.5 + Math.random()));
    current = await deps.messageLog.claim(key, claimId);
  }
  return current;
}
