import type { RoutingConfig } from "../../functions/lib/routing/routing-schema.ts";

/**
 * The fictional contact numbers shipped in default-routing.json, with why each is fictional. JSON has no
 * comments, so a placeholder is recognised by its value (digits only, so reformatting it does not hide
 * it): the warning disappears exactly when the number is replaced, and a copied file that still carries
 * a shipped number keeps warning.
 */
export const PLACEHOLDER_CONTACT_NUMBERS: Readonly<Record<string, string>> = {
  "0808 157 0192": "Ofcom's range reserved for drama",
  "1-416-555-0142": "the North American 555-01xx fictional range",
  "800 000 0142": "a made-up Mexican number",
  "0120-000-142": "a made-up Japanese number",
};

/** North American numbers in 555-0100..555-0199 are reserved for fiction. */
const NANP_FICTIONAL = /(^|\D)555\D?01\d\d($|\D)/;

/** One placeholder number found in a routing configuration. */
export interface PlaceholderNumber {
  /** The country code it is configured for. */
  readonly country: string;
  /** The number as written. */
  readonly number: string;
  /** Why it is a placeholder. */
  readonly reason: string;
}

const digits = (value: string) => value.replace(/\D/g, "");
const shippedByDigits = new Map(
  Object.entries(PLACEHOLDER_CONTACT_NUMBERS).map(([number, reason]) => [digits(number), reason]),
);

/** The contact numbers of `config` that are still fictional placeholders, in country order. */
export function placeholderNumbers(config: Pick<RoutingConfig, "contactNumbers">): PlaceholderNumber[] {
  return Object.entries(config.contactNumbers)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([country, number]) => {
      const shipped = shippedByDigits.get(digits(number));
      if (shipped) return [{ country, number, reason: `shipped placeholder (${shipped})` }];
      if (NANP_FICTIONAL.test(number)) return [{ country, number, reason: "North American fictional range" }];
      return [];
    });
}
