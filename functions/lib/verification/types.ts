import type { CustomerIdentity } from "../auth/identity.ts";

/** What the customer typed: compared, never stored, logged or delivered. */
export interface VerificationAnswers {
  readonly last4: string;
  readonly postalCode: string;
}

/**
 * The bank's system of record, as in-session verification sees it: do these answers match what the
 * bank knows of this customer? The default adapter (claims-profile.ts) checks the token's own claims; a
 * bank with a customer-profile service plugs in an adapter that looks the customer up by `sub`. An
 * adapter must compare in constant time (constant-time.ts) and must never log the answers.
 */
export interface ProfilePort {
  matches(customer: CustomerIdentity, answers: VerificationAnswers): Promise<boolean>;
}

/** A customer's failed verifications, counted across chats (verification-policy.ts). */
export interface VerificationLock {
  /** Failures since `windowStartedAt`. */
  readonly failures: number;
  readonly windowStartedAt: string;
  /** Set at the third failure: until then every attempt is answered `locked` without a comparison. */
  readonly lockedUntil?: string;
}

/** One verification an agent asked for, in the chat's partition. */
export interface VerificationRequest {
  readonly chatId: string;
  readonly verificationId: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly state: "open" | "verified" | "locked";
}
