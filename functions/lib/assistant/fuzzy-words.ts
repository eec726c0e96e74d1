/**
 * Typo correction for the classifier. Customers type fast on phones ("agnet pls", "i lsot my crad"),
 * and a keyword pattern never matches a misspelt keyword. So before the patterns run, every word that
 * is not a known word and is one slip away from exactly one keyword (Damerau-Levenshtein: a letter
 * swapped with its neighbour, added, dropped or changed) is replaced by that keyword.
 *
 * Short words allow less: a four-letter word may only have two letters swapped or one dropped
 * ("lsot", "crad", "usng"), because one changed letter turns "most" into "lost" and "hard" into
 * "card"; words of eight letters or more may have two slips ("reprsentative", "supervsior").
 * Common words that sit one slip from a keyword are never corrected, nor is the first letter (typos
 * rarely hit it, and "arent" is not "agent").
 */

/** Keywords of the classifier and the intents, in their folded form (no accents, lower case). */
const KEYWORDS = (
  "agent agents agente agentes representative representatives representante human person persona operator " +
  "supervisor manager gerente escalate someone somebody speak talk live using used charges charge charged " +
  "dispute disputes disputar disputa cargo cargos transaction transactions purchases authorized unauthorized " +
  "recognize recognise fraud fraudulent fraude hacked skimmed stolen lost card cards tarjeta tarjetas " +
  "replace replacement damaged broken freeze unlock locked declined wallet received payment payments " +
  "balance statement annual fee fees minimum autopay points rewards redeem redemption membership lounge " +
  "benefit benefits credit limit increase upgrade downgrade interest address email phone authorized " +
  "paperless travel traveling travelling trip booking itinerary flight airline reservation insurance " +
  "complaint complain complaints queja quejarme reclamo refund duplicate merchant administrator program " +
  "corporate prepaid bluebird emergency overseas abroad vacation money funds cash dinero efectivo fondos " +
  "extranjero viaje viajes vuelo robaron perdi extravie bloquear reemplazo disputas recompensas puntos " +
  "canjear pagar pago vencimiento anualidad direccion telefono usuario autorizado right happening please"
).split(" ");

/** Real words one slip from a keyword: left as typed. */
const PROTECTED = new Set(
  (
    "most cost post host hard care cart cars word ward lose loss last list land lord fund find kind mind " +
    "black clock cargo largo carga juntos punto puntas pintos charger chart chase change changed range " +
    "person's persons fees feel free feed fed peso pesos pass past paid pain paint point pint print " +
    "person speak spear steak hello human humor using useful user users about above trap trip tip " +
    "rite right light night fight might sight tight lights nights credits credit edit limits visit " +
    "fraudster broke brake stole stone store stores money monkey honey month months agenda urgent " +
    "travel gravel trial trail items item terms term topic tropic debit debt administrador duplicado " +
    "duplicada reclamar decrease blocked increased cobrar cobro arent agency"
  ).split(" "),
);

/** Edit distance with adjacent transpositions (optimal string alignment), stopping early above `max`. */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      let value = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

const KEYWORD_SET = new Set(KEYWORDS);

/** Same letters, two neighbours swapped, or one letter dropped: the only slips allowed in short words. */
function shortWordSlip(typed: string, keyword: string): boolean {
  if (keyword.length === typed.length + 1) return damerauLevenshtein(typed, keyword, 1) === 1;
  if (keyword.length !== typed.length) return false;
  const differences = [...typed].flatMap((letter, index) => (letter === keyword[index] ? [] : [index]));
  const [first, second] = differences;
  return (
    differences.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    typed[first] === keyword[second] &&
    typed[second] === keyword[first]
  );
}

/** The keyword the customer meant by `word`, or `word` itself when it is known or ambiguous. */
export function correctWord(word: string): string {
  if (word.length < 4 || KEYWORD_SET.has(word) || PROTECTED.has(word) || /\d/.test(word)) return word;
  const allowed = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const keyword of KEYWORDS) {
    if (Math.abs(keyword.length - word.length) > allowed || keyword.length < 4) continue;
    // A slip rarely hits the first letter, and a keyword with a letter more or less at the end is
    // another form of the word ("authorize", "credito"), not a typo of it.
    if (keyword[0] !== word[0] || keyword.startsWith(word) || word.startsWith(keyword)) continue;
    const distance =
      word.length <= 4
        ? shortWordSlip(word, keyword)
          ? 1
          : allowed + 1
        : damerauLevenshtein(word, keyword, allowed);
    if (distance < bestDistance) {
      best = keyword;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && keyword !== best) tie = true;
  }
  return best !== undefined && !tie ? best : word;
}

/** The folded text with every correctable word replaced by its keyword; punctuation is kept. */
export function correctTypos(normalized: string): string {
  return normalized.replace(/[\p{L}']+/gu, (word) => correctWord(word));
}
