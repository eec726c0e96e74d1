/**
 * The languages carechat speaks to customers. Adding one is a wording file in ./wording/ (the compiler
 * insists on every entry) plus routing entries for the queues that serve it; nothing else changes.
 */
export const LANGUAGES = ["en", "es", "ja"] as const;

export type Language = (typeof LANGUAGES)[number];

/** Every desk's common language, and what an unknown locale is answered in. */
export const DEFAULT_LANGUAGE: Language = "en";

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** "es-MX", "ES", " ja_JP " → the primary subtag in lower case. */
export function primarySubtag(tag: unknown): string {
  const value = typeof tag === "string" ? tag.trim().toLowerCase() : "";
  return value.split(/[-_]/)[0] ?? "";
}

/** The language a customer's BCP 47 locale asks for, or the default when carechat does not speak it. */
export function languageFromLocale(locale: unknown): Language {
  const primary = primarySubtag(locale);
  return isLanguage(primary) ? primary : DEFAULT_LANGUAGE;
}

/** "es", "es-MX" and "ES" are one language for routing agents. */
export const sameLanguage = (a: string, b: string) => primarySubtag(a) === primarySubtag(b);
