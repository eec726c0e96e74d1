/**
 * Phone numbers the assistant gives when fraud is happening right now and chat is too slow. These will
 * move into routing configuration; until then this table is the single place to change them.
 */

/** What the assistant says when it has no number for the customer's country. */
export const DEFAULT_CONTACT = "the number on the back of your card";

const CONTACT_NUMBERS: Readonly<Record<string, string>> = {
  // US General Customer Service (personal cards), from the issuer's chat guide.
  US: "1-800-528-4800",
  // FICTIONAL placeholders below: deployers must set their real numbers before going live.
  // GB uses Ofcom's range reserved for drama, CA the North American 555-01xx fictional range.
  GB: "0808 157 0192",
  CA: "1-416-555-0142",
  MX: "800 000 0142",
  JP: "0120-000-142",
};

// Customers and identity providers both write "UK" for the United Kingdom.
const ALIASES: Readonly<Record<string, string>> = { UK: "GB" };

function countryCode(country: string): string {
  const code = country.trim().toUpperCase();
  return ALIASES[code] ?? code;
}

/** The number for the customer's country, if one is configured. */
export function knownContactNumber(country: string): string | undefined {
  return CONTACT_NUMBERS[countryCode(country)];
}

/** The number to call for the customer's country, or "the number on the back of your card". */
export function contactNumberFor(country: string): string {
  return knownContactNumber(country) ?? DEFAULT_CONTACT;
}
