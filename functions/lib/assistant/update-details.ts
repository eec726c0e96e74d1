import { missingDetails } from "./agent-policy.ts";
import { extractDetails, mergeDetails } from "./extract-details.ts";
import { bareMerchantAnswer } from "./extract-merchant.ts";
import { isAffirmative, isNegative, isThanks } from "./short-replies.ts";
import type { Accommodation, AssistantState, CustomerProfile, ExtractedDetails, Topic } from "./types.ts";

/**
 * What the chat knows after a message: the details it gave merged into the ones known, a card the
 * profile does not hold set apart, and answers to the assistant's last question (a bare merchant
 * name, four bare digits) taken as what was asked for.
 */
export function soleAccount(profile: CustomerProfile): string | undefined {
  return profile.accounts.length === 1 ? profile.accounts[0]?.last4 : undefined;
}

export interface DetailsUpdate {
  readonly details: ExtractedDetails;
  /** What this message itself told us, to confirm back to the customer. */
  readonly extracted: ExtractedDetails;
  readonly unknownCard?: string;
  readonly newAccommodations: Accommodation[];
}

export function updateDetails(
  text: string,
  profile: CustomerProfile,
  state: AssistantState,
  topic: Topic,
  classified: Topic,
): DetailsUpdate {
  const extracted = extractDetails(text);
  let unknownCard: string | undefined;
  const last4 = extracted.cardLast4;
  if (
    last4 !== undefined &&
    profile.accounts.length > 0 &&
    !profile.accounts.some((a) => a.last4 === last4)
  ) {
    unknownCard = last4;
    delete extracted.cardLast4;
  }
  // The assistant asked for the merchant last turn, so a message that is only a name answers it.
  const askedForMerchant = state.topic === "dispute" && state.details.merchant === undefined;
  if (
    extracted.merchant === undefined &&
    topic === "dispute" &&
    askedForMerchant &&
    classified === "general" &&
    !isAffirmative(text) &&
    !isNegative(text) &&
    !isThanks(text)
  ) {
    const merchant = bareMerchantAnswer(text);
    if (merchant !== undefined) extracted.merchant = merchant;
  }
  // The assistant asked for the card last turn, so a message that is only four digits answers it.
  const askedForCard =
    state.topic !== undefined && missingDetails(state.topic, state.details).includes("cardLast4");
  const bare = /^\s*#?(\d{4})\s*$/.exec(text)?.[1];
  if (extracted.cardLast4 === undefined && askedForCard && bare !== undefined) {
    if (profile.accounts.length === 0 || profile.accounts.some((a) => a.last4 === bare))
      extracted.cardLast4 = bare;
    else unknownCard = bare;
  }
  const details = mergeDetails(state.details, extracted);
  const sole = soleAccount(profile);
  if (details.cardLast4 === undefined && sole !== undefined) details.cardLast4 = sole;
  const known = state.details.accommodations ?? [];
  const newAccommodations = (extracted.accommodations ?? []).filter((code) => !known.includes(code));
  return { details, extracted, ...(unknownCard === undefined ? {} : { unknownCard }), newAccommodations };
}
