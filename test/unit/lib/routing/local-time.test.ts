import { describe, expect, it } from "vitest";
import {
  clockMinutes,
  isValidTimeZone,
  localTime,
  offsetChanges,
  utcOffsetMs,
  weekdayOf,
} from "../../../../functions/lib/routing/local-time.ts";

const HOUR = 3600_000;

describe("local time", () => {
  it.each([
    ["Europe/London", true],
    ["America/Mexico_City", true],
    ["UTC", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ])("knows whether %s is a time zone", (zone, expected) => {
    // Prepare
    // Act
    const valid = isValidTimeZone(zone);

    // Assess
    expect(valid).toBe(expected);
  });

  it.each([
    ["00:00", 0],
    ["08:30", 510],
    ["24:00", 1440],
  ])("reads %s as %i minutes", (clock, expected) => {
    // Prepare
    // Act
    const minutes = clockMinutes(clock);

    // Assess
    expect(minutes).toBe(expected);
  });

  it("gives the weekday of a date, Monday first", () => {
    // Prepare
    const dates = [
      [2026, 7, 13],
      [2026, 7, 12],
      [2024, 2, 29],
    ] as const;

    // Act
    const weekdays = dates.map(([year, month, day]) => weekdayOf(year, month, day));

    // Assess
    expect(weekdays).toEqual(["mon", "sun", "thu"]);
  });

  it("gives the local date and time, which may be another day than in UTC", () => {
    // Prepare
    const at = new Date("2026-07-12T23:59:30Z");

    // Act
    const tokyo = localTime("Asia/Tokyo", at);

    // Assess
    expect(tokyo).toEqual({
      year: 2026,
      month: 7,
      day: 13,
      weekday: "mon",
      minutes: 8 * 60 + 59,
      seconds: 30,
    });
  });

  it.each([
    ["Europe/London", "2026-01-15T12:00:00Z", 0],
    ["Europe/London", "2026-07-15T12:00:00Z", HOUR],
    ["America/New_York", "2026-01-15T12:00:00Z", -5 * HOUR],
    ["America/New_York", "2026-07-15T12:00:00Z", -4 * HOUR],
    ["Asia/Tokyo", "2026-07-15T12:00:00Z", 9 * HOUR],
  ])("knows the UTC offset of %s at %s", (zone, at, expected) => {
    // Prepare
    const instant = Date.parse(at);

    // Act
    const offset = utcOffsetMs(zone, instant);

    // Assess
    expect(offset).toBe(expected);
  });

  it.each([
    ["Europe/London", "2026-03-25T00:00:00Z", ["2026-03-29T01:00:00.000Z"]],
    ["Europe/London", "2026-10-20T00:00:00Z", ["2026-10-25T01:00:00.000Z"]],
    ["America/New_York", "2026-03-05T00:00:00Z", ["2026-03-08T07:00:00.000Z"]],
    ["America/Mexico_City", "2026-03-30T00:00:00Z", []],
    ["Asia/Tokyo", "2026-03-25T00:00:00Z", []],
  ])("finds the daylight saving changes of %s in the week from %s", (zone, from, expected) => {
    // Prepare
    const start = Date.parse(from);

    // Act
    const changes = offsetChanges(zone, start, start + 7 * 24 * HOUR);

    // Assess
    expect(changes.map((change) => new Date(change).toISOString())).toEqual(expected);
  });
});
