/**
 * Does a customer ask for their case (reference) number? English and Spanish, with the common short
 * forms ("case #", "ref no", "folio") and a few typos. `onlyAsks` tells a bare question ("Can I get a
 * case number?") from one that also says something the assistant should answer ("I lost my card,
 * what's my case number?").
 */
const NUMBER_WORDS = "(?:number|numbr|nmber|numer|num|no|nr|#|id)";
const CASE_WORDS = "(?:case|cse|caes|reference|ref|ticket|claim|incident)";
const ENGLISH = new RegExp(String.raw`\b${CASE_WORDS}\s*${NUMBER_WORDS}(?=\W|$)`, "u");
const SPANISH_NUMBER = "(?:numero|num|no|nro|n)";
const SPANISH_CASE = "(?:caso|referencia|folio|ticket|reporte|incidencia|seguimiento|reclamo)";
const SPANISH = new RegExp(
  String.raw`\b${SPANISH_NUMBER}\.?\s*(?:de\s+(?:mi\s+|el\s+|la\s+)?)?${SPANISH_CASE}\b|\bfolio\b|\b${SPANISH_CASE}\s*(?:numero|#)`,
  "u",
);

/** Words that carry no request of their own around the question. */
const FILLER = new Set(
  (
    "can could may i get have a an the my me please pls plz what whats s is it give send do you need want " +
    "for this chat our one tell there hi hello hey thanks thank ok okay so and " +
    "puede puedo podria me da dar dame darme tener tengo mi el la un una es cual cuál por favor quiero " +
    "necesito obtener hola gracias de del este chat para seria sería"
  ).split(" "),
);

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[¿¡?!.,;:()"']/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function asksForCaseNumber(text: string): boolean {
  const plain = normalise(text);
  return ENGLISH.test(plain) || SPANISH.test(plain);
}

/** The language the question was asked in, when only one of the two matched it. */
export function questionLanguage(text: string): "en" | "es" | undefined {
  const plain = normalise(text);
  const english = ENGLISH.test(plain);
  const spanish = SPANISH.test(plain);
  if (english === spanish) return undefined;
  return spanish ? "es" : "en";
}

export function onlyAsksForCaseNumber(text: string): boolean {
  const plain = normalise(text);
  if (!asksForCaseNumber(text)) return false;
  const rest = plain
    .replace(new RegExp(ENGLISH.source, "gu"), " ")
    .replace(new RegExp(SPANISH.source, "gu"), " ");
  return rest.split(" ").every((word) => word === "" || FILLER.has(word));
}
