import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeHours,
  isOpen,
  nextOpening,
  type WithHours,
} from "../../../../functions/lib/routing/hours.ts";
import type { QueueHours } from "../../../../functions/lib/routing/routing-schema.ts";

const range = (open: string, close: string) => [{ open, close }];
const on = (hours: QueueHours): WithHours => ({ hours });

const london = on({
  timeZone: "Europe/London",
  schedule: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat"].map((day) => [day, range("08:00", "20:00")]),
  ),
});
const mexicoCity = on({
  timeZone: "America/Mexico_City",
  schedule: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, range("07:00", "22:00")]),
  ),
});
const tokyo = on({
  timeZone: "Asia/Tokyo",
  schedule: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri"].map((day) => [day, range("09:00", "18:00")]),
  ),
});
const newYork = on({
  timeZone: "America/New_York",
  schedule: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri"].map((day) => [day, range("09:00", "17:00")]),
  ),
});
// Opens at 02:30 on Sundays, a time New York skips when daylight saving time starts.
const newYorkSmallHours = on({
  timeZone: "America/New_York",
  schedule: { sun: [...range("01:00", "01:30"), ...range("02:30", "04:00")] },
});
const always = on({ timeZone: "Asia/Tokyo", schedule: "24/7" });

describe("isOpen", () => {
  it.each<[string, WithHours, string, boolean]>([
    ["London, winter Monday just before opening", london, "2026-01-12T07:59:00Z", false],
    ["London, winter Monday at opening (GMT)", london, "2026-01-12T08:00:00Z", true],
    ["London, winter Monday last minute", london, "2026-01-12T19:59:59Z", true],
    ["London, winter Monday at closing", london, "2026-01-12T20:00:00Z", false],
    ["London, summer Monday at opening (BST)", london, "2026-07-13T07:00:00Z", true],
    ["London, summer Monday before opening", london, "2026-07-13T06:59:00Z", false],
    ["London, summer Monday at closing", london, "2026-07-13T19:00:00Z", false],
    ["London, Sunday", london, "2026-07-12T12:00:00Z", false],
    ["London, Saturday before BST starts, 07:30 GMT", london, "2026-03-28T07:30:00Z", false],
    ["London, Saturday before BST starts, 08:00 GMT", london, "2026-03-28T08:00:00Z", true],
    ["London, Monday after BST starts, 07:30 UTC = 08:30 BST", london, "2026-03-30T07:30:00Z", true],
    ["London, Monday after BST starts, 06:59 UTC = 07:59 BST", london, "2026-03-30T06:59:00Z", false],
    ["London, Saturday before BST ends, 07:00 UTC = 08:00 BST", london, "2026-10-24T07:00:00Z", true],
    ["London, Monday after BST ends, 07:00 UTC = 07:00 GMT", london, "2026-10-26T07:00:00Z", false],
    ["London, Monday after BST ends, 08:00 UTC = 08:00 GMT", london, "2026-10-26T08:00:00Z", true],
    ["Mexico City, 07:00 local", mexicoCity, "2026-07-01T13:00:00Z", true],
    ["Mexico City, 06:59 local", mexicoCity, "2026-07-01T12:59:00Z", false],
    ["Mexico City, 21:59 local on the UTC day after", mexicoCity, "2026-07-02T03:59:00Z", true],
    ["Mexico City, 22:00 local", mexicoCity, "2026-07-02T04:00:00Z", false],
    ["Tokyo, Friday 09:00", tokyo, "2026-07-10T00:00:00Z", true],
    ["Tokyo, Friday 17:59", tokyo, "2026-07-10T08:59:00Z", true],
    ["Tokyo, Friday 18:00", tokyo, "2026-07-10T09:00:00Z", false],
    ["Tokyo, Saturday 10:00", tokyo, "2026-07-11T01:00:00Z", false],
    ["Tokyo, Monday 09:00 while it is still Sunday in UTC", tokyo, "2026-07-13T00:00:00Z", true],
    ["Tokyo, Monday 08:59 while it is still Sunday in UTC", tokyo, "2026-07-12T23:59:00Z", false],
    ["New York, Friday before DST, 09:00 EST", newYork, "2026-03-06T14:00:00Z", true],
    ["New York, Friday before DST, 16:00 EST", newYork, "2026-03-06T21:00:00Z", true],
    ["New York, Monday after DST, 09:00 EDT", newYork, "2026-03-09T13:00:00Z", true],
    ["New York, Monday after DST, 08:59 EDT", newYork, "2026-03-09T12:59:00Z", false],
    ["New York, Monday after DST, 17:00 EDT", newYork, "2026-03-09T21:00:00Z", false],
  ])("%s: %s at %s → %s", (_name, queue, at, expected) => {
    // Prepare
    const instant = new Date(at);

    // Act
    const open = isOpen(queue, instant);

    // Assess
    expect(open).toBe(expected);
  });

  it("is always true for a 24/7 queue", () => {
    // Prepare
    const instants = fc.date({
      min: new Date("1990-01-01"),
      max: new Date("2100-01-01"),
      noInvalidDate: true,
    });

    // Act
    // Assess
    fc.assert(
      fc.property(instants, (at) => {
        expect(isOpen(always, at)).toBe(true);
      }),
    );
  });
});

describe("nextOpening", () => {
  it.each<[string, WithHours, string, string]>([
    ["London, across the start of BST", london, "2026-03-28T21:00:00Z", "2026-03-30T07:00:00.000Z"],
    ["London, across the end of BST", london, "2026-10-24T19:30:00Z", "2026-10-26T08:00:00.000Z"],
    ["London, early on a weekday", london, "2026-01-13T03:00:00Z", "2026-01-13T08:00:00.000Z"],
    ["Tokyo, Friday evening to Monday morning", tokyo, "2026-07-10T09:00:00Z", "2026-07-13T00:00:00.000Z"],
    [
      "Mexico City, after closing to the next morning",
      mexicoCity,
      "2026-07-02T04:00:00Z",
      "2026-07-02T13:00:00.000Z",
    ],
    [
      "New York, 02:30 skipped by DST opens at 03:00 EDT",
      newYorkSmallHours,
      "2026-03-08T06:40:00Z",
      "2026-03-08T07:00:00.000Z",
    ],
    [
      "New York, the repeated hour reopens 01:00 EST",
      newYorkSmallHours,
      "2026-11-01T05:45:00Z",
      "2026-11-01T06:00:00.000Z",
    ],
  ])("%s", (_name, queue, at, expected) => {
    // Prepare
    const instant = new Date(at);

    // Act
    const opening = nextOpening(queue, instant);

    // Assess
    expect(opening?.toISOString()).toBe(expected);
  });

  it("is the instant itself when the queue is open", () => {
    // Prepare
    const at = new Date("2026-07-10T03:21:09.123Z");

    // Act
    const opening = nextOpening(tokyo, at);

    // Assess
    expect(opening?.getTime()).toBe(at.getTime());
  });

  it("is undefined for a 24/7 queue", () => {
    // Prepare
    const at = new Date("2026-07-10T03:00:00Z");

    // Act
    const opening = nextOpening(always, at);

    // Assess
    expect(opening).toBeUndefined();
  });

  it("is the first open instant: open then, closed before, within a week", () => {
    // Prepare
    const scenario = fc.record({
      queue: fc.constantFrom(london, mexicoCity, tokyo, newYork, newYorkSmallHours),
      at: fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }),
      fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    });

    // Act
    // Assess
    fc.assert(
      fc.property(scenario, ({ queue, at, fraction }) => {
        const opening = nextOpening(queue, at);
        expect(opening).toBeDefined();
        const time = opening?.getTime() ?? Number.NaN;
        expect(time).toBeGreaterThanOrEqual(at.getTime());
        expect(time - at.getTime()).toBeLessThanOrEqual(7 * 24 * 3600_000 + 3600_000);
        expect(isOpen(queue, new Date(time))).toBe(true);
        if (time > at.getTime()) {
          const between = at.getTime() + Math.floor(fraction * (time - at.getTime()));
          expect(isOpen(queue, new Date(between))).toBe(false);
          expect(isOpen(queue, new Date(time - 1000))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("describeHours", () => {
  const twoRanges = on({
    timeZone: "America/Toronto",
    schedule: { mon: [...range("13:00", "17:00"), ...range("09:00", "12:00")], wed: range("09:00", "12:00") },
  });
  const weekAndWeekend = on({
    timeZone: "America/Toronto",
    schedule: {
      ...Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, range("08:00", "22:00")])),
      sat: range("10:00", "16:00"),
      sun: range("10:00", "16:00"),
    },
  });

  it.each<[string, WithHours, "en" | "es", string]>([
    ["London in English", london, "en", "Monday to Saturday, 8:00 to 20:00 (Europe/London time)"],
    ["London in Spanish", london, "es", "De lunes a sábado, de 8:00 a 20:00 (hora de Europe/London)"],
    ["Mexico City in English", mexicoCity, "en", "Every day, 7:00 to 22:00 (America/Mexico_City time)"],
    [
      "Mexico City in Spanish",
      mexicoCity,
      "es",
      "Todos los días, de 7:00 a 22:00 (hora de America/Mexico_City)",
    ],
    ["Tokyo in English", tokyo, "en", "Monday to Friday, 9:00 to 18:00 (Asia/Tokyo time)"],
    ["24/7 in English", always, "en", "24 hours a day, 7 days a week"],
    ["24/7 in Spanish", always, "es", "Las 24 horas, los 7 días de la semana"],
    [
      "separate days and two ranges in English",
      twoRanges,
      "en",
      "Monday, 9:00 to 12:00 and 13:00 to 17:00; Wednesday, 9:00 to 12:00 (America/Toronto time)",
    ],
    [
      "separate days and two ranges in Spanish",
      twoRanges,
      "es",
      "Lunes, de 9:00 a 12:00 y de 13:00 a 17:00; miércoles, de 9:00 a 12:00 (hora de America/Toronto)",
    ],
    [
      "weekdays and a weekend in Spanish",
      weekAndWeekend,
      "es",
      "De lunes a viernes, de 8:00 a 22:00; sábado y domingo, de 10:00 a 16:00 (hora de America/Toronto)",
    ],
    [
      "weekdays and a weekend in English",
      weekAndWeekend,
      "en",
      "Monday to Friday, 8:00 to 22:00; Saturday and Sunday, 10:00 to 16:00 (America/Toronto time)",
    ],
  ])("%s", (_name, queue, language, expected) => {
    // Prepare
    // Act
    const text = describeHours(queue, language);

    // Assess
    expect(text).toBe(expected);
  });
});
