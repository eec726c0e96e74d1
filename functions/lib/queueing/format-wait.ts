/**
 * An estimated wait as a customer reads it. Under ten minutes it is rounded to the minute; above, to
 * five minutes, because a precise-looking "about 23 minutes" promises more than the estimate knows.
 * Past an hour the figure stops meaning much, so it is only "more than 1 hour".
 */
export type WaitLanguage = "en" | "es";

interface WaitWords {
  readonly unknown: string;
  readonly underMinute: string;
  readonly oneMinute: string;
  readonly minutes: (count: number) => string;
  readonly aboutHour: string;
  readonly overHour: string;
}

const WORDS: Record<WaitLanguage, WaitWords> = {
  en: {
    unknown: "We can't estimate the wait right now",
    underMinute: "less than 1 minute",
    oneMinute: "about 1 minute",
    minutes: (count) => `about ${count} minutes`,
    aboutHour: "about 1 hour",
    overHour: "more than 1 hour",
  },
  es: {
    unknown: "No podemos estimar la espera en este momento",
    underMinute: "menos de 1 minuto",
    oneMinute: "aproximadamente 1 minuto",
    minutes: (count) => `unos ${count} minutos`,
    aboutHour: "aproximadamente 1 hora",
    overHour: "más de 1 hora",
  },
};

export function formatWait(seconds: number | null, language: WaitLanguage): string {
  const words = WORDS[language] ?? WORDS.en;
  if (seconds === null || !Number.isFinite(seconds)) return words.unknown;
  if (seconds < 60) return words.underMinute;
  if (seconds >= 3600) return words.overHour;
  const minutes = seconds / 60;
  const rounded = minutes < 9.5 ? Math.round(minutes) : Math.round(minutes / 5) * 5;
  if (rounded >= 60) return words.aboutHour;
  return rounded === 1 ? words.oneMinute : words.minutes(rounded);
}
