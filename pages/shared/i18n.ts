import { en, type StringKey } from "./strings-en.ts";
import { es } from "./strings-es.ts";

export type Language = "en" | "es";
export type { StringKey };
export type Params = Readonly<Record<string, string | number>>;

const tables: Record<Language, Record<StringKey, string>> = { en, es };
const STORAGE_KEY = "carechat.language";
const listeners = new Set<() => void>();

let current: Language = initialLanguage();

function initialLanguage(): Language {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  if (stored === "en" || stored === "es") return stored;
  return navigator.language.toLowerCase().startsWith("es") ? "es" : "en";
}

export const language = (): Language => current;

/** A label in the current language, with `{name}` placeholders filled in. */
export function t(key: StringKey, params: Params = {}): string {
  return tables[current][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** Runs `render` now and after every language switch: for text built in code. */
export function onLanguage(render: () => void): void {
  listeners.add(render);
  render();
}

/**
 * Fills every `data-i18n` element's text, `data-i18n-placeholder` and the page title, and sets
 * `<html lang>` so screen readers pronounce the labels in the right language.
 */
export function setLanguage(next: Language, titleKey: StringKey): void {
  current = next;
  sessionStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  document.title = t(titleKey);
  for (const element of document.querySelectorAll<HTMLElement>("[data-i18n]"))
    element.textContent = t(element.dataset.i18n as StringKey);
  for (const element of document.querySelectorAll<HTMLInputElement>("[data-i18n-placeholder]"))
    element.placeholder = t(element.dataset.i18nPlaceholder as StringKey);
  for (const render of listeners) render();
}

/** Wires the language switch button: it names the other language, in that language. */
export function languageSwitch(button: HTMLButtonElement, titleKey: StringKey): void {
  const label = () => {
    button.lang = t("lang.switchCode");
  };
  onLanguage(label);
  button.addEventListener("click", () => setLanguage(t("lang.switchCode") as Language, titleKey));
  setLanguage(current, titleKey);
}
