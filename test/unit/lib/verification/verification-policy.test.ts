import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CustomerIdentity } from "../../../../functions/lib/auth/identity.ts";
import type { VerificationLock } from "../../../../functions/lib/data/secure-step-records.ts";
import { withholdSecrets } from "../../../../functions/lib/middleware/secret-fields.ts";
import { ClaimsProfile } from "../../../../functions/lib/verification/claims-profile.ts";
import { matchesAny, sameSecret } from "../../../../functions/lib/verification/constant-time.ts";
import {
  decideAttempt,
  FAILURE_WINDOW_MS,
  isLocked,
  LOCK_MS,
  lockExpiry,
  MAX_FAILURES,
} from "../../../../functions/lib/verification/verification-policy.ts";

const at = (iso: string) => new Date(iso);
const T0 = "2026-12-01T10:00:00.000Z";
const later = (ms: number) => new Date(Date.parse(T0) + ms);

describe("decideAttempt", () => {
  it("fails twice, then locks at the third failure for the lock period", () => {
    // Prepare
    let lock: VerificationLock | undefined;
    const outcomes: string[] = [];

    // Act
    for (let attempt = 0; attempt < MAX_FAILURES; attempt += 1) {
      const decision = decideAttempt(lock, false, later(attempt * 1000));
      outcomes.push(decision.outcome);
      lock = decision.next;
    }

    // Assess
    expect(outcomes).toEqual(["failed", "failed", "locked"]);
    expect(lock?.lockedUntil).toBe(later(2000 + LOCK_MS).toISOString());
    expect(isLocked(lock, later(LOCK_MS))).toBe(true);
    expect(isLocked(lock, later(2000 + LOCK_MS + 1))).toBe(false);
  });

  it("answers locked while locked, even for the right answers, and changes nothing", () => {
    // Prepare
    const lock = { failures: 3, windowStartedAt: T0, lockedUntil: later(LOCK_MS).toISOString() };

    // Act
    const decision = decideAttempt(lock, true, later(60_000));

    // Assess
    expect(decision).toEqual({ outcome: "locked", next: lock });
  });

  it("verifies and forgets earlier failures on a match", () => {
    // Act
    const decision = decideAttempt({ failures: 2, windowStartedAt: T0 }, true, later(1000));

    // Assess
    expect(decision).toEqual({ outcome: "verified", next: undefined });
  });

  it("counts failures within the window only, and starts afresh after a lock ran out", () => {
    // Act
    const staleWindow = decideAttempt(
      { failures: 2, windowStartedAt: T0 },
      false,
      later(FAILURE_WINDOW_MS + 1),
    );
    const afterLock = decideAttempt(
      { failures: 3, windowStartedAt: T0, lockedUntil: later(LOCK_MS).toISOString() },
      false,
      later(LOCK_MS + 1),
    );

    // Assess
    expect(staleWindow).toMatchObject({ outcome: "failed", next: { failures: 1 } });
    expect(afterLock).toMatchObject({ outcome: "failed", next: { failures: 1 } });
  });

  it("lets no sequence of attempts reach the comparison more than three times unanswered by a lock", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 * 60 * 1000 }), { minLength: 1, maxLength: 20 }),
        (gaps) => {
          // Prepare
          let lock: VerificationLock | undefined;
          let now = Date.parse(T0);
          let failuresWhileUnlocked = 0;

          // Act
          for (const gap of gaps) {
            now += gap;
            if (isLocked(lock, new Date(now))) continue;
            const decision = decideAttempt(lock, false, new Date(now));
            failuresWhileUnlocked += 1;
            lock = decision.next;
          }

          // Assess: within one window (every gap sum here is under 24 h × 20), at most 3 per lock cycle.
          const windows = Math.ceil((now - Date.parse(T0) + 1) / Math.min(FAILURE_WINDOW_MS, LOCK_MS)) + 1;
          expect(failuresWhileUnlocked).toBeLessThanOrEqual(MAX_FAILURES * windows);
          if (now - Date.parse(T0) < FAILURE_WINDOW_MS)
            expect(failuresWhileUnlocked).toBeLessThanOrEqual(MAX_FAILURES);
        },
      ),
    );
  });

  it("lets the lock item expire when its window or lock ends", () => {
    // Act
    const open = lockExpiry({ failures: 1, windowStartedAt: T0 });
    const locked = lockExpiry({
      failures: 3,
      windowStartedAt: T0,
      lockedUntil: later(LOCK_MS).toISOString(),
    });

    // Assess
    expect(open).toBe(Math.ceil((Date.parse(T0) + FAILURE_WINDOW_MS) / 1000));
    expect(locked).toBe(Math.ceil((Date.parse(T0) + LOCK_MS) / 1000));
    expect(at(T0).getTime()).toBeLessThan(open * 1000);
  });
});

describe("the claims profile (default ProfilePort)", () => {
  const customer = (overrides: Partial<CustomerIdentity> = {}): CustomerIdentity => ({
    sub: "c-1",
    name: "Ana",
    role: "customer",
    country: "US",
    locale: "en-US",
    segment: "consumer",
    accounts: [{ last4: "1234" }, { last4: "9876" }],
    address: { postal_code: "10001-2345" },
    ...overrides,
  });

  it("matches any card's last four and the postal code, spaced or dashed as typed", async () => {
    // Act
    const matched = await new ClaimsProfile().matches(customer(), {
      last4: "98 76",
      postalCode: "100012345",
    });

    // Assess
    expect(matched).toBe(true);
  });

  it("refuses a wrong card, a wrong postal code, and a token without the claims", async () => {
    // Prepare
    const profile = new ClaimsProfile();

    // Act
    const results = await Promise.all([
      profile.matches(customer(), { last4: "1235", postalCode: "10001-2345" }),
      profile.matches(customer(), { last4: "1234", postalCode: "10002" }),
      profile.matches(customer({ address: undefined }), { last4: "1234", postalCode: "" }),
      profile.matches(customer({ accounts: [] }), { last4: "", postalCode: "10001-2345" }),
    ]);

    // Assess
    expect(results).toEqual([false, false, false, false]);
  });

  it("compares whole values: equal strings only, whatever their lengths", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(sameSecret(a, b)).toBe(a === b);
        expect(matchesAny(a, [b, a])).toBe(true);
      }),
    );
  });
});

describe("withholdSecrets", () => {
  it("takes verify's answers out of the frame that masking, logs and the event body see", () => {
    // Act
    const { rest, secrets } = withholdSecrets({
      action: "verify",
      chatId: "c",
      verificationId: "v",
      last4: "1234",
      postalCode: "10001",
    });
    const other = withholdSecrets({ action: "sendMessage", last4: "1234" });

    // Assess
    expect(rest).toEqual({ action: "verify", chatId: "c", verificationId: "v" });
    expect(secrets).toEqual({ last4: "1234", postalCode: "10001" });
    expect(other.secrets).toEqual({});
  });
});
