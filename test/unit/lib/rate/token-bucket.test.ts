import { describe, expect, it } from "vitest";
import { MESSAGE_BURST, MESSAGE_RATE_PER_SECOND } from "../../../../functions/lib/protocol/limits.ts";
import { takeToken } from "../../../../functions/lib/rate/token-bucket.ts";

const messages = { burst: MESSAGE_BURST, perSecond: MESSAGE_RATE_PER_SECOND };

describe("takeToken", () => {
  it("always accepts a burst of 20 messages from a sender at rest", () => {
    // Prepare
    let state: Parameters<typeof takeToken>[0];
    const start = 1_000_000;

    // Act
    const answers = Array.from({ length: 20 }, () => {
      const taken = takeToken(state, messages, start);
      if (taken.allowed) state = taken.next;
      return taken.allowed;
    });

    // Assess
    expect(answers.every(Boolean)).toBe(true);
  });

  it("refuses sustained sending near one a second after the burst, and says when to retry", () => {
    // Prepare
    let state: Parameters<typeof takeToken>[0];
    let refused = 0;
    let retryAfter = 0;

    // Act: 20 at once, then one a second for a minute
    for (let second = 0; second < 80; second += 1) {
      const at = 1_000_000 + Math.max(0, second - 19) * 1000;
      const taken = takeToken(state, messages, at);
      if (taken.allowed) state = taken.next;
      else {
        refused += 1;
        retryAfter = taken.retryAfterSeconds;
      }
    }

    // Assess: the bucket refills at 0.5 a second, so about half of the sustained sends are refused
    expect(refused).toBeGreaterThan(20);
    expect(refused).toBeLessThan(40);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
  });

  it("refills to the burst and no further", () => {
    // Prepare
    const empty = { tokens: 0, at: 0 };

    // Act
    const later = takeToken(empty, messages, 3_600_000);

    // Assess
    expect(later).toEqual({ allowed: true, next: { tokens: MESSAGE_BURST - 1, at: 3_600_000 } });
  });
});
