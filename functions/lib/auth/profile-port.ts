import type { CustomerIdentity } from "./identity.ts";

/** What the customer typed: compared, never stored, logged or delivered. */
export interface VerificationAnswers {
  readonly last4: string;
  readonly postalCode: string;
}

/**
 * The bank's system of record, as in-session verification sees it: do these answers match what the
 * bank knows of this customer? The default adapter (verification/claims-profile.ts) checks the token's own claims; a
 * bank with a customer-profile service plugs in an adapter that looks the customer up by `sub`. An
 * adapter must compare in constant time (verification/constant-time.ts) and must never log the answers.
 */
export interface ProfilePort {
  matches(customer: CustomerIdentity, answers: VerificationAnswers): Promise<boolean>;
}
