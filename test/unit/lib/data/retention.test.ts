import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENVIRONMENT_VARIABLES, FUNCTIONS } from "../../../../functions/lib/config/environment.ts";
import {
  chatExpiries,
  chatItemExpiry,
  expiryAfter,
  InvalidRetentionError,
  isExpired,
  RETENTION_DEFAULT_DAYS,
  RETENTION_VARIABLES,
  readRetentionPolicy,
} from "../../../../functions/lib/data/retention.ts";

const DAY = 86_400;
const endedAt = "2026-03-01T10:00:00.250Z";
const endedSeconds = Math.ceil(Date.parse(endedAt) / 1000);

describe("readRetentionPolicy", () => {
  it("uses the documented defaults when nothing is set", () => {
    // Act
    const policy = readRetentionPolicy({});

    // Assess
    expect(policy).toEqual({ transcript: 400, case: 2557, idempotency: 1, agent: 90, queue: 90 });
    expect(policy).toEqual(RETENTION_DEFAULT_DAYS);
  });

  it("reads each kind from its own variable, leaving the others at their defaults", () => {
    // Prepare
    const values = {
      RETENTION_TRANSCRIPT_DAYS: "30",
      RETENTION_CASE_DAYS: " 3650 ",
      RETENTION_AGENT_DAYS: "",
    };

    // Act
    const policy = readRetentionPolicy(values);

    // Assess
    expect(policy).toEqual({ ...RETENTION_DEFAULT_DAYS, transcript: 30, case: 3650 });
  });

  it.each(["0", "-5", "1.5", "30d", "1e3", "36501", "NaN"])("refuses %j days loudly", (value) => {
    // Act
    const read = () => readRetentionPolicy({ RETENTION_IDEMPOTENCY_DAYS: value });

    // Assess
    expect(read).toThrow(InvalidRetentionError);
    expect(read).toThrow(/RETENTION_IDEMPOTENCY_DAYS/);
  });

  it("declares every variable in the runtime contract, and each in a function that writes that kind", () => {
    // Prepare
    const optionalOf = (name: keyof typeof FUNCTIONS): readonly string[] => FUNCTIONS[name].optional;

    // Act
    const variables = Object.values(RETENTION_VARIABLES);

    // Assess
    for (const variable of variables) expect(ENVIRONMENT_VARIABLES).toHaveProperty(variable);
    expect(optionalOf("chat-closure")).toEqual(expect.arrayContaining(variables));
    for (const fn of ["actions", "chat-handoff", "queue-ticker"] as const)
      expect(optionalOf(fn)).toEqual(
        expect.arrayContaining(["RETENTION_AGENT_DAYS", "RETENTION_QUEUE_DAYS"]),
      );
    expect(optionalOf("disconnect")).toContain("RETENTION_AGENT_DAYS");
  });
});

describe("expiryAfter", () => {
  it("counts whole days in epoch seconds from the start, rounding a fraction of a second up", () => {
    // Act
    const expiry = expiryAfter(endedAt, 400);

    // Assess
    expect(expiry).toBe(endedSeconds + 400 * DAY);
    expect(new Date(expiry * 1000).toISOString()).toBe("2027-04-05T10:00:01.000Z");
  });

  it("never expires an item before its period is over, and a day more is exactly a day later", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: 1, max: 36_500 }),
        (from, days) => {
          const expiry = expiryAfter(from, days);
          expect(expiry * 1000).toBeGreaterThanOrEqual(from + days * DAY * 1000);
          expect(expiry * 1000 - (from + days * DAY * 1000)).toBeLessThan(1000);
          expect(expiryAfter(from, days + 1) - expiry).toBe(DAY);
        },
      ),
    );
  });

  it("refuses a start that is not a time", () => {
    // Act
    const expiry = () => expiryAfter("yesterday", 1);

    // Assess
    expect(expiry).toThrow(RangeError);
  });
});

describe("the expiry of each item of an ended chat", () => {
  const policy = readRetentionPolicy({ RETENTION_TRANSCRIPT_DAYS: "30", RETENTION_IDEMPOTENCY_DAYS: "2" });
  const times = chatExpiries(policy, endedAt);

  it("counts transcript, case and idempotency periods from endedAt", () => {
    // Assess
    expect(times).toEqual({
      transcript: endedSeconds + 30 * DAY,
      case: endedSeconds + 2557 * DAY,
      idempotency: endedSeconds + 2 * DAY,
    });
  });

  it.each([
    ["META", undefined, "transcript"],
    ["MSG#0000000001", undefined, "transcript"],
    ["CMID#customer-1#m-1", undefined, "idempotency"],
    ["CONN#abc=", undefined, "transcript"],
  ] as const)("gives %s the %s period", (sk, current, kind) => {
    // Act
    const expiry = chatItemExpiry(sk, current, times);

    // Assess
    expect(expiry).toBe(times[kind]);
  });

  it("keeps a subscription's own shorter expiry, and shortens a longer one", () => {
    // Prepare
    const soon = endedSeconds + 7_800;
    const later = times.transcript + DAY;

    // Act
    const kept = chatItemExpiry("CONN#abc=", soon, times);
    const shortened = chatItemExpiry("CONN#abc=", later, times);

    // Assess
    expect(kept).toBeUndefined();
    expect(shortened).toBe(times.transcript);
  });

  it("asks for no write when an item already has its expiry, and for one when it has another", () => {
    // Act
    const same = chatItemExpiry("MSG#0000000002", times.transcript, times);
    const other = chatItemExpiry("MSG#0000000002", times.transcript + 1, times);

    // Assess
    expect(same).toBeUndefined();
    expect(other).toBe(times.transcript);
  });
});

describe("isExpired", () => {
  it("treats an item as gone from its expiry on, and an item without one as kept", () => {
    // Prepare
    const now = Date.parse(endedAt);

    // Act
    const results = [
      isExpired({ expiresAt: endedSeconds - 1 }, now),
      isExpired({ expiresAt: Math.floor(now / 1000) }, now),
      isExpired({ expiresAt: endedSeconds + 1 }, now),
      isExpired({}, now),
      isExpired(undefined, now),
    ];

    // Assess
    expect(results).toEqual([true, true, false, false, false]);
  });
});
