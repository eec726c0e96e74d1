/**
 * Text normalisation shared by the classifier, the FAQ matcher and the assistant. Customers type with
 * and without accents ("sí" / "si", "dirección" / "direccion") and with curly apostrophes from phone
 * keyboards ("didn’t"), so patterns are written once against the folded form.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** Lower-case words of the folded text, punctuation removed. */
export function wordsOf(text: string): string[] {
  return normalizeText(text)
    .replace(/[^\p{L}\p{N}'\s]/gu, " ")
    .split(" ")
    .filter((word) => word.length > 0);
}

/** Joins items as "a, b and c" (or "a, b y c"), the way the assistant lists what it needs. */
export function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** First name for a friendly greeting; the profile may hold a full name. */
export function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first !== undefined && first.length > 0 ? first : undefined;
}
