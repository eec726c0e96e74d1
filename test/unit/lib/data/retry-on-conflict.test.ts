import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  RETRY,
  RetryBudgetExhausted,
  retryOnConflict,
} from "../../../../functions/lib/data/retry-on-conflict.ts";

/**
 * The backoff sleeps through node:timers/promises; here each sleep records the delay asked for and moves
 * the (faked) clock on by it, so the budget is spent in simulated time and the test takes no real time.
 */
const slept = vi.hoisted(() => [] as number[]);
vi.mock("node:timers/promises", () => ({
  setTimeout: async (delay: number) => {
    slept.push(delay);
    vi.setSystemTime(Date.now() + delay);
  },
}));

const always = (value: typeof RETRY) => async () => value;

describe("retryOnConflict", () => {
  beforeEach(() => {
    slept.length = 0;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T12:00:00.000Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("returns the first answer that is not RETRY, numbering the attempts", async () => {
    // Prepare
    const seen: number[] = [];
    const attempt = async (tries: number) => {
      seen.push(tries);
      return tries < 2 ? RETRY : `done after ${tries}`;
    };

    // Act
    const result = await retryOnConflict(attempt, { operation: "test" });

    // Assess
    expect(result).toBe("done after 2");
    expect(seen).toEqual([0, 1, 2]);
    expect(slept).toHaveLength(2);
  });

  it("keeps every delay within base·2ⁿ, capped at the maximum", async () => {
    // Prepare
    const options = { operation: "test", budgetMs: 60_000, baseDelayMs: 5, maxDelayMs: 100 };
    let calls = 0;
    const attempt = async () => (++calls < 40 ? RETRY : "ok");

    // Act
    await retryOnConflict(attempt, options);

    // Assess
    expect(slept).toHaveLength(39);
    for (const [n, delay] of slept.entries()) {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(Math.min(100, 5 * 2 ** n));
    }
  });

  it("spreads racers with full jitter: the delay is a random share of the bound", async () => {
    // Prepare
    vi.spyOn(Math, "random").mockReturnValueOnce(0.5).mockReturnValueOnce(0.25).mockReturnValue(1);
    let calls = 0;
    const attempt = async () => (++calls < 10 ? RETRY : "ok");

    // Act
    await retryOnConflict(attempt, { operation: "test", budgetMs: 60_000, baseDelayMs: 8, maxDelayMs: 200 });

    // Assess
    expect(slept.slice(0, 3)).toEqual([4, 4, 32]);
    expect(Math.max(...slept)).toBe(200);
  });

  it("gives up once its budget is spent with RetryBudgetExhausted, a CONFLICT", async () => {
    // Prepare
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      return RETRY;
    };
    const started = Date.now();

    // Act
    const outcome = await retryOnConflict(attempt, { operation: "appendMessage", budgetMs: 1_000 }).catch(
      (error: unknown) => error,
    );

    // Assess
    expect(outcome).toBeInstanceOf(RetryBudgetExhausted);
    expect(outcome).toMatchObject({ code: "CONFLICT", operation: "appendMessage", attempts: calls });
    expect(calls).toBeGreaterThan(3);
    expect(Date.now() - started).toBeLessThanOrEqual(1_000);
  });

  it("gives up at once when even the first delay would overrun the budget", async () => {
    // Prepare
    vi.spyOn(Math, "random").mockReturnValue(1);

    // Act
    const outcome = retryOnConflict(always(RETRY), { operation: "test", budgetMs: 5, baseDelayMs: 5 });

    // Assess
    await expect(outcome).rejects.toMatchObject({ attempts: 1 });
    expect(slept).toEqual([]);
  });

  it("lets an error thrown by the attempt pass straight through, without another try", async () => {
    // Prepare
    const failure = new Error("throttled");
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      if (calls === 2) throw failure;
      return RETRY;
    };

    // Act
    const outcome = retryOnConflict(attempt, { operation: "test" });

    // Assess
    await expect(outcome).rejects.toBe(failure);
    expect(calls).toBe(2);
  });
});
