import type { Day } from "./types.ts";
import { DAYS } from "./vocabulary.ts";

/**
 * Wall-clock time in an IANA time zone with nothing but `Intl.DateTimeFormat`, which carries the tz
 * database (and so daylight saving time) with the runtime.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface LocalTime {
  readonly year: number;
  /** 1 to 12 */
  readonly month: number;
  readonly day: number;
  readonly weekday: Day;
  /** Minutes since local midnight, 0 to 1439. */
  readonly minutes: number;
  readonly seconds: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      // h23, not hour12: false, which some runtimes render as "24" at midnight.
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM" → minutes since midnight ("24:00" → 1440). */
export function clockMinutes(clock: string): number {
  const [hours, minutes] = clock.split(":");
  return Number(hours) * 60 + Number(minutes);
}

/** The day of the week of a calendar date, Monday first. */
export function weekdayOf(year: number, month: number, day: number): Day {
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return DAYS[(sundayFirst + 6) % 7] as Day;
}

export function localTime(timeZone: string, at: Date): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return {
    year,
    month,
    day,
    weekday: weekdayOf(year, month, day),
    minutes: hour * 60 + minute,
    seconds: second,
  };
}

/** Local time minus UTC at that instant, in milliseconds (e.g. -4 h for New York in summer). */
export function utcOffsetMs(timeZone: string, at: number): number {
  const whole = Math.floor(at / 1000) * 1000;
  const local = localTime(timeZone, new Date(whole));
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes, local.seconds);
  return asUtc - whole;
}

/** Instants in [from, to] at which the zone's UTC offset changes (daylight saving time starts or ends). */
export function offsetChanges(timeZone: string, from: number, to: number): number[] {
  // Zones change offset at most twice a year, so a two-hour step misses none.
  const step = 2 * HOUR_MS;
  const changes: number[] = [];
  let before = from;
  let offset = utcOffsetMs(timeZone, before);
  while (before < to) {
    const after = Math.min(before + step, to);
    const next = utcOffsetMs(timeZone, after);
    if (next !== offset) changes.push(firstWithOffset(timeZone, before, after, next));
    before = after;
    offset = next;
  }
  return changes;
}

/** Binary search, to the second, for the first instant after `before` that has `offset`. */
function firstWithOffset(timeZone: string, before: number, after: number, offset: number): number {
  let low = Math.floor(before / 1000);
  let high = Math.ceil(after / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (utcOffsetMs(timeZone, middle * 1000) === offset) high = middle;
    else low = middle;
  }
  return high * 1000;
}
