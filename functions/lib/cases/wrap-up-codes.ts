import type { RoutingConfig } from "../routing/routing-schema.ts";

/**
 * Wrap-up codes: what an agent records about how a chat ended, counted per queue. A queue's own list
 * comes from the routing configuration (`wrapUpCodes`, validated at synth); without one, agents choose
 * from these defaults, one or two per topic of the issuer's care guide plus the outcomes every desk has.
 */
export const DEFAULT_WRAP_UP_CODES = [
  "billing-explained",
  "payment-arranged",
  "dispute-filed",
  "card-replaced",
  "card-activated",
  "rewards-explained",
  "account-updated",
  "credit-limit-reviewed",
  "travel-notice-set",
  "fraud-referred",
  "complaint-logged",
  "transferred",
  "follow-up-needed",
  "resolved-no-action",
  "customer-left",
] as const;

/** The codes agents of `queueId` may give; an unknown or missing queue gets the defaults. */
export function wrapUpCodesFor(
  routing: Pick<RoutingConfig, "queues">,
  queueId: string | undefined,
): readonly string[] {
  const queue =
    queueId === undefined ? undefined : routing.queues.find((candidate) => candidate.id === queueId);
  return queue?.wrapUpCodes ?? DEFAULT_WRAP_UP_CODES;
}

export const isWrapUpCode = (
  routing: Pick<RoutingConfig, "queues">,
  queueId: string | undefined,
  code: string,
): boolean => wrapUpCodesFor(routing, queueId).includes(code);
