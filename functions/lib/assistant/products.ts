/**
 * Products with a phone line of their own (the issuer's guide names Serve, Bluebird, Target Prepaid
 * REDcard and gift cards). Which they are, what customers call them and their numbers come from the
 * routing configuration, given to the assistant as its directory.
 */
import { normalizeCountry } from "../routing/route-chat.ts";
import { normalizeText } from "./normalize-text.ts";
import type { AssistantDirectory, CustomerProfile, ProductContact } from "./types.ts";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function mentions(normalized: string, name: string): boolean {
  const phrase = escapeRegExp(normalizeText(name)).replace(/ /g, "\\s*");
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, "u").test(normalized);
}

/** The product the message names, or else the one of the customer's only account, if it has its own line. */
export function productFor(
  directory: AssistantDirectory,
  text: string,
  profile?: CustomerProfile,
): ProductContact | undefined {
  const normalized = normalizeText(text);
  const named = directory.products.find((product) =>
    product.names.some((name) => mentions(normalized, name)),
  );
  if (named !== undefined || profile === undefined || profile.accounts.length !== 1) return named;
  const held = profile.accounts[0]?.product;
  if (held === undefined) return undefined;
  return directory.products.find(
    (product) =>
      product.id === held ||
      [product.name, ...product.names].some((name) => mentions(normalizeText(held), name)),
  );
}

/** The product's number for the customer's country, else its first one with the country it is for. */
export function productNumber(product: ProductContact, country: string): string | undefined {
  const own = product.contactNumbers[normalizeCountry(country)];
  if (own !== undefined) return own;
  const [first] = Object.entries(product.contactNumbers);
  return first === undefined ? undefined : `${first[1]} (${first[0]})`;
}
