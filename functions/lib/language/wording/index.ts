import type { Language } from "../languages.ts";
import { english } from "./en.ts";
import { spanish } from "./es.ts";
import { japanese } from "./ja.ts";
import type { Wording } from "./wording-types.ts";

export type * from "./wording-types.ts";

const WORDING: Readonly<Record<Language, Wording>> = { en: english, es: spanish, ja: japanese };

export const wordingFor = (language: Language): Wording => WORDING[language] ?? english;
