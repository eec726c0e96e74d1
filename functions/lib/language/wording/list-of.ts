/** "a", "a and b", "a, b and c": names joined as a sentence does. */
export function listOf(names: readonly string[], conjunction: string): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}`;
}
