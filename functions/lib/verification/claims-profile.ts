import type { CustomerIdentity } from "../auth/identity.ts";
import type { ProfilePort, VerificationAnswers } from "../auth/profile-port.ts";
import { matchesAny, normalizeLast4, normalizePostalCode, sameSecret } from "./constant-time.ts";

/**
 * The default profile: the identity provider's own claims, as the authorizer verified them. The last
 * four digits must be those of one of the customer's `accounts`, and the postal code the OIDC
 * `address.postal_code`. A token without either claim can never verify (a bank that wants
 * verification either issues the claims or plugs in its system of record as a ProfilePort).
 */
export class ClaimsProfile implements ProfilePort {
  async matches(customer: CustomerIdentity, answers: VerificationAnswers): Promise<boolean> {
    const cards = customer.accounts.map((account) => normalizeLast4(account.last4));
    const postalCode = customer.address?.postal_code;
    // Both comparisons always run, so the time taken does not tell which answer was wrong.
    const cardMatches = cards.length > 0 && matchesAny(normalizeLast4(answers.last4), cards);
    const postalMatches =
      postalCode !== undefined &&
      normalizePostalCode(postalCode) !== "" &&
      sameSecret(normalizePostalCode(answers.postalCode), normalizePostalCode(postalCode));
    return cardMatches && postalMatches;
  }
}
