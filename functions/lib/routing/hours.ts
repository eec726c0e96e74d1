import type { Language } from "../language/languages.ts";
import { type HoursWording, wordingFor } from "../language/wording/index.ts";
import {
  clockMinutes,
  DAY_MS,
  localTime,
  MINUTE_MS,
  offsetChanges,
  utcOffsetMs,
  weekdayOf,
} from "./local-time.ts";
import type { OpeningRange, QueueHours, WeeklySchedule } from "./routing-schema.ts";
import type { Day } from "./types.ts";
import { DAYS } from "./vocabulary.ts";

/** Anything with opening hours: a `RoutingQueue`, or just its `hours`. */
export interface WithHours {
  readonly hours: QueueHours;
}

/** Whether the queue takes chats at `at`: its local time falls in one of that weekday's ranges. */
export function isOpen(queue: WithHours, at: Date): boolean {
  const { timeZone, schedule } = queue.hours;
  if (schedule === "24/7") return true;
  const local = localTime(timeZone, at);
  return (schedule[local.weekday] ?? []).some(
    (range) => clockMinutes(range.open) <= local.minutes && local.minutes < clockMinutes(range.close),
  );
}

/**
 * The earliest instant at or after `at` when the queue is open: `at` itself when it is open now,
 * `undefined` for a 24/7 queue (it never opens, it is never closed).
 *
 * A closed queue opens either when its local clock reaches a range's `open`, or when the clock jumps
 * (daylight saving time) into a range. So the candidates are every `open` of the coming days converted
 * with every UTC offset the zone has in that period, plus the instants the offset changes; the first
 * candidate at which the queue is open is the answer. An `open` that falls in a skipped hour thereby
 * opens at the end of the gap, and one in a repeated hour at its first occurrence.
 */
export function nextOpening(queue: WithHours, at: Date): Date | undefined {
  const { timeZone, schedule } = queue.hours;
  if (schedule === "24/7") return undefined;
  if (isOpen(queue, at)) return new Date(at.getTime());
  const from = at.getTime();
  // A weekly schedule opens within 7 days (plus a skipped hour); 8 leaves room.
  const to = from + 8 * DAY_MS;
  const changes = offsetChanges(timeZone, from, to);
  const offsets = new Set([
    utcOffsetMs(timeZone, from),
    ...changes.map((change) => utcOffsetMs(timeZone, change)),
  ]);
  const today = localTime(timeZone, at);
  const candidates = [...changes];
  for (let dayOffset = -1; dayOffset <= 9; dayOffset += 1) {
    const midnight = Date.UTC(today.year, today.month - 1, today.day + dayOffset);
    const date = new Date(midnight);
    const weekday = weekdayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    for (const range of schedule[weekday] ?? []) {
      const wallClock = midnight + clockMinutes(range.open) * MINUTE_MS;
      for (const offset of offsets) candidates.push(wallClock - offset);
    }
  }
  const opening = candidates
    .filter((candidate) => candidate > from && candidate <= to)
    .sort((a, b) => a - b)
    .find((candidate) => isOpen(queue, new Date(candidate)));
  return opening === undefined ? undefined : new Date(opening);
}

/**
 * The opening hours in words for customers, e.g. "Monday to Saturday, 8:00 to 20:00 (Europe/London time)"
 * or "De lunes a sábado, de 8:00 a 20:00 (hora de Europe/London)". Consecutive days with the same hours
 * are grouped; closed days are left out.
 */
export function describeHours(queue: WithHours, language: Language): string {
  const words = wordingFor(language).hours;
  const { timeZone, schedule } = queue.hours;
  if (schedule === "24/7") return words.always;
  const groups = dayGroups(schedule).map(({ first, last, ranges }) => {
    const days =
      first === 0 && last === 6
        ? words.everyDay
        : describeDays(words, words.days[first] ?? "", words.days[last] ?? "", last - first);
    const times = ranges.map((range) => words.range(clock(range.open), clock(range.close))).join(words.and);
    return `${days}, ${times}`;
  });
  return capitalize(`${groups.join("; ")} ${words.timeZone(timeZone)}`);
}

function describeDays(words: HoursWording, first: string, last: string, span: number): string {
  if (span === 0) return first;
  if (span === 1) return words.dayPair(first, last);
  return words.dayRun(first, last);
}

interface DayGroup {
  /** Indexes in DAYS, Monday = 0. */
  readonly first: number;
  readonly last: number;
  readonly ranges: readonly OpeningRange[];
}

function dayGroups(schedule: WeeklySchedule): DayGroup[] {
  const groups: DayGroup[] = [];
  let previousKey = "";
  DAYS.forEach((day: Day, index) => {
    const ranges = [...(schedule[day] ?? [])].sort((a, b) => clockMinutes(a.open) - clockMinutes(b.open));
    const key = ranges.map((range) => `${range.open}-${range.close}`).join(",");
    const current = groups.at(-1);
    // The same key as yesterday's means yesterday opened and belongs to the last group.
    if (key && current && key === previousKey) groups[groups.length - 1] = { ...current, last: index };
    else if (key) groups.push({ first: index, last: index, ranges });
    previousKey = key;
  });
  return groups;
}

/** "08:00" → "8:00": customers read hours without the leading zero. */
function clock(value: string): string {
  return value.replace(/^0(\d)/, "$1");
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
