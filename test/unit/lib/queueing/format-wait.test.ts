import { describe, expect, it } from "vitest";
import type { Language as WaitLanguage } from "../../../../functions/lib/language/languages.ts";
import { formatWait } from "../../../../functions/lib/queueing/format-wait.ts";

describe("formatWait", () => {
  it.each<[number | null, WaitLanguage, string]>([
    [null, "en", "We can't estimate the wait right now"],
    [0, "en", "less than 1 minute"],
    [59, "en", "less than 1 minute"],
    [60, "en", "about 1 minute"],
    [89, "en", "about 1 minute"],
    [90, "en", "about 2 minutes"],
    [190, "en", "about 3 minutes"],
    [9 * 60 + 20, "en", "about 9 minutes"],
    [9 * 60 + 40, "en", "about 10 minutes"],
    [12 * 60, "en", "about 10 minutes"],
    [14 * 60, "en", "about 15 minutes"],
    [23 * 60, "en", "about 25 minutes"],
    [58 * 60, "en", "about 1 hour"],
    [3600, "en", "more than 1 hour"],
    [5 * 3600, "en", "more than 1 hour"],
    [Number.POSITIVE_INFINITY, "en", "We can't estimate the wait right now"],
    [null, "es", "No podemos estimar la espera en este momento"],
    [30, "es", "menos de 1 minuto"],
    [70, "es", "aproximadamente 1 minuto"],
    [190, "es", "unos 3 minutos"],
    [14 * 60, "es", "unos 15 minutos"],
    [58 * 60, "es", "aproximadamente 1 hora"],
    [2 * 3600, "es", "más de 1 hora"],
  ])("formats %s s in %s as %j", (seconds, language, expected) => {
    // Act
    const text = formatWait(seconds, language);

    // Assess
    expect(text).toBe(expected);
  });
});
