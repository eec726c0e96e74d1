import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QUEUE_STATS_SK, queueEntrySk } from "../../../../functions/lib/data/keys.ts";

/** The priority the key encodes: rounded, then clamped to 0..999, as queueEntrySk does. */
const clamped = (priority: number) => Math.min(999, Math.max(0, Math.round(priority)));

const sign = (value: number) => (value > 0 ? 1 : value < 0 ? -1 : 0);
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Waiting {
  readonly priority: number;
  readonly enqueuedAt: string;
  readonly chatId: string;
}

/** Fair order: higher (clamped) priority first, then the chat that has waited longest. 0 when tied. */
const fairOrder = (a: Waiting, b: Waiting) =>
  sign(clamped(b.priority) - clamped(a.priority)) ||
  sign(Date.parse(a.enqueuedAt) - Date.parse(b.enqueuedAt));

const keyOf = (entry: Waiting) => queueEntrySk(entry.priority, entry.enqueuedAt, entry.chatId);

const FIXED_TIMES = ["2024-03-10T06:59:59.999Z", "2024-03-10T07:00:00.000Z", "2024-03-10T07:00:00.001Z"];

// Ties on purpose: the same priority or the same instant is common in a busy queue.
const priority = fc.oneof(fc.integer({ min: -999, max: 999 }), fc.constantFrom(-1, 0, 1, 50, 998, 999));
const enqueuedAt = fc.oneof(
  fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T23:59:59Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
  fc.constantFrom(...FIXED_TIMES),
);
const chatId = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }));
const waiting: fc.Arbitrary<Waiting> = fc.record({ priority, enqueuedAt, chatId });

describe("queueEntrySk", () => {
  it("orders any two entries as the fair order does: priority descending, then enqueuedAt ascending", () => {
    // Prepare
    // Act
    // Assess
    fc.assert(
      fc.property(waiting, waiting, (a, b) => {
        const expected = fairOrder(a, b);
        const actual = compareStrings(keyOf(a), keyOf(b));
        if (expected !== 0) expect(actual).toBe(expected);
        else expect(actual === 0).toBe(a.chatId === b.chatId);
      }),
      { numRuns: 2_000 },
    );
  });

  it("sorts a whole queue into the fair order", () => {
    // Prepare
    const queue = fc.uniqueArray(waiting, { selector: (entry) => entry.chatId, minLength: 2, maxLength: 30 });

    // Act
    // Assess
    fc.assert(
      fc.property(queue, (entries) => {
        const byKey = [...entries].sort((a, b) => compareStrings(keyOf(a), keyOf(b)));
        byKey.slice(1).forEach((entry, index) => {
          const previous = byKey[index] as Waiting;
          expect(fairOrder(previous, entry)).toBeLessThanOrEqual(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("always starts with P and sorts before the queue's statistics item", () => {
    // Prepare
    const anyPriority = fc.oneof(priority, fc.integer({ min: -100_000, max: 100_000 }));

    // Act
    // Assess
    fc.assert(
      fc.property(anyPriority, enqueuedAt, chatId, (given, at, id) => {
        const key = queueEntrySk(given, at, id);
        expect(key.startsWith("P")).toBe(true);
        expect(key < "Q").toBe(true);
        expect(key < QUEUE_STATS_SK).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it("encodes the highest priority as P000 and the lowest as P999", () => {
    // Prepare
    const at = "2024-03-10T07:00:00.000Z";

    // Act
    const highest = queueEntrySk(999, at, "chat-1");
    const lowest = queueEntrySk(0, at, "chat-1");
    const fraud = queueEntrySk(150, at, "chat-1");

    // Assess
    expect(highest).toBe(`P000#${at}#chat-1`);
    expect(lowest).toBe(`P999#${at}#chat-1`);
    expect(fraud).toBe(`P849#${at}#chat-1`);
  });

  it.each([
    { given: 1_000, same: 999 },
    { given: 5_000, same: 999 },
    { given: -1, same: 0 },
    { given: -999, same: 0 },
    { given: 2.4, same: 2 },
    { given: 2.6, same: 3 },
  ])("reads priority $given as $same", ({ given, same }) => {
    // Prepare
    const at = "2024-03-10T07:00:00.000Z";

    // Act
    const key = queueEntrySk(given, at, "chat-1");

    // Assess
    expect(key).toBe(queueEntrySk(same, at, "chat-1"));
  });

  it("clamps every priority outside 0..999 to the nearest bound", () => {
    // Prepare
    const outside = fc.oneof(
      fc.integer({ min: -100_000, max: -1 }),
      fc.integer({ min: 1_000, max: 100_000 }),
    );

    // Act
    // Assess
    fc.assert(
      fc.property(outside, enqueuedAt, chatId, (given, at, id) => {
        expect(queueEntrySk(given, at, id)).toBe(queueEntrySk(given < 0 ? 0 : 999, at, id));
      }),
    );
  });

  it("keeps the longest waiting chat first within a priority, whatever the chat ids", () => {
    // Prepare
    const older = queueEntrySk(10, "2024-03-10T07:00:00.000Z", "zzz");
    const newer = queueEntrySk(10, "2024-03-10T07:00:00.001Z", "aaa");

    // Act
    const sorted = [newer, older].sort();

    // Assess
    expect(sorted).toEqual([older, newer]);
  });
});
