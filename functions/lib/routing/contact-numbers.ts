import { normalizeCountry, normalizeLanguage } from "./route-chat.ts";
import type { RoutingConfig } from "./routing-schema.ts";

/** The part of the configuration these read, so the assistant can be given just its directory. */
type ContactNumbers = Pick<RoutingConfig, "contactNumbers">;
type ContactNumbersWithDefaults = Pick<
  RoutingConfig,
  "contactNumbers" | "defaultContactNumber" | "defaultContactNumberByLanguage"
>;

/** The phone number configured for the customer's country ("gb" and "UK" read as "GB"), if any. */
export function knownContactNumber(config: ContactNumbers, country: string): string | undefined {
  return config.contactNumbers[normalizeCountry(country)];
}

/**
 * The number to call for the customer's country, or the configured default ("the number on the back of
 * your card"), in `language` when the configuration has it in that language.
 */
export function contactNumberFor(
  config: ContactNumbersWithDefaults,
  country: string,
  language?: string,
): string {
  const fallback =
    (language === undefined
      ? undefined
      : config.defaultContactNumberByLanguage[normalizeLanguage(language)]) ?? config.defaultContactNumber;
  return knownContactNumber(config, country) ?? fallback;
}
