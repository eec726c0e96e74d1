import type { Language } from "../language/languages.ts";
import { wordingFor } from "../language/wording/index.ts";

/**
 * An estimated wait as a customer reads it. Under ten minutes it is rounded to the minute; above, to
 * five minutes, because a precise-looking "about 23 minutes" promises more than the estimate knows.
 * Past an hour the figure stops meaning much, so it is only "more than 1 hour".
 */
export function formatWait(seconds: number | null, language: Language): string {
  const words = wordingFor(language).wait;
  if (seconds === null || !Number.isFinite(seconds)) return words.unknown;
  if (seconds < 60) return words.underMinute;
  if (seconds >= 3600) return words.overHour;
  const minutes = seconds / 60;
  const rounded = minutes < 9.5 ? Math.round(minutes) : Math.round(minutes / 5) * 5;
  if (rounded >= 60) return words.aboutHour;
  return rounded === 1 ? words.oneMinute : words.minutes(rounded);
}
