import {
  contactNumberFor as configuredContactNumber,
  knownContactNumber as configuredKnownNumber,
  loadRoutingConfig,
} from "../routing/index.ts";

/**
 * Phone numbers the assistant gives when fraud is happening right now and chat is too slow. They live
 * in the routing configuration (infra/routing/default-routing.ts); this module keeps the assistant's
 * country-only API over it.
 */

/** What the assistant says when it has no number for the customer's country. */
export const DEFAULT_CONTACT = loadRoutingConfig().defaultContactNumber;

/** The number for the customer's country ("gb" and "UK" read as "GB"), if one is configured. */
export function knownContactNumber(country: string): string | undefined {
  return configuredKnownNumber(loadRoutingConfig(), country);
}

/** The number to call for the customer's country, or "the number on the back of your card". */
export function contactNumberFor(country: string): string {
  return configuredContactNumber(loadRoutingConfig(), country);
}
