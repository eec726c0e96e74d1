import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../../client/src/backoff.ts";

describe("backoffDelay", () => {
  it("doubles the ceiling per attempt up to the maximum", () => {
    // Prepare: the largest number random() can return.
    const top = () => 0.999_999;

    // Act
    const ceilings = [0, 1, 2, 3, 10].map((attempt) =>
      backoffDelay(attempt, { baseMs: 100, maxMs: 1_000 }, top),
    );

    // Assess
    expect(ceilings).toEqual([99, 199, 399, 799, 999]);
  });

  it("draws every delay from [0, ceiling): full jitter", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          // Act
          const delay = backoffDelay(attempt, { baseMs: 500, maxMs: 30_000 }, () => r);

          // Assess
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.min(30_000, 500 * 2 ** attempt));
        },
      ),
    );
  });

  it("spreads many clients' first retries across the window", () => {
    // Act
    const delays = Array.from({ length: 2_000 }, () => backoffDelay(0, { baseMs: 1_000 }));

    // Assess: roughly uniform, not bunched at one instant.
    const early = delays.filter((delay) => delay < 500).length;
    expect(early).toBeGreaterThan(800);
    expect(early).toBeLessThan(1_200);
    expect(new Set(delays).size).toBeGreaterThan(500);
  });
});
