/**
 * Searches stored items, log output, workflow inputs and frames for card numbers, the way an assessor
 * would: digits of every script are read as their value and everything between digits is ignored, so a
 * number is found however it is spaced or spelled. A finding is any run of 13 consecutive digits of a known
 * card number, or a card's original spelling.
 *
 * Written apart from the production normaliser on purpose: a scanner that shared its code could share its
 * blind spots.
 */
export interface Haystack {
  /** Where the text came from ("dynamodb CHAT#…", "log line 12", "frame 7 of agent-1"). */
  readonly where: string;
  readonly text: string;
}

export interface Finding {
  readonly where: string;
  readonly pan: string;
  readonly how: "digits" | "spelling";
}

const WINDOW = 13;
const DECIMAL_DIGIT = /\p{Nd}/u;

/** ASCII value of a decimal digit of any script: distance from the zero that starts its run of ten. */
function asciiDigit(character: string): string {
  let codePoint = character.codePointAt(0) ?? 0;
  let distance = 0;
  while (distance < 60 && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - 1))) {
    codePoint -= 1;
    distance += 1;
  }
  return String(distance % 10);
}

const asciiDigits = new Map<string, string>();

/** Every decimal digit of `text`, in order, as ASCII, after NFKC; everything else dropped. */
export function digitsOf(text: string): string {
  let digits = "";
  for (const character of text.normalize("NFKC")) {
    if (character >= "0" && character <= "9") {
      digits += character;
    } else if (DECIMAL_DIGIT.test(character)) {
      let value = asciiDigits.get(character);
      if (value === undefined) {
        value = asciiDigit(character);
        asciiDigits.set(character, value);
      }
      digits += value;
    }
  }
  return digits;
}

export class CardScanner {
  private readonly windows = new Map<string, string>();

  constructor(private readonly cards: readonly { pan: string; spelling?: string }[]) {
    for (const { pan } of cards) {
      for (let start = 0; start + WINDOW <= pan.length; start++)
        this.windows.set(pan.slice(start, start + WINDOW), pan);
    }
  }

  scan(haystacks: Iterable<Haystack>): Finding[] {
    const findings: Finding[] = [];
    for (const { where, text } of haystacks) {
      const digits = digitsOf(text);
      for (let start = 0; start + WINDOW <= digits.length; start++) {
        const pan = this.windows.get(digits.slice(start, start + WINDOW));
        if (pan !== undefined) {
          findings.push({ where, pan, how: "digits" });
          break;
        }
      }
      for (const { pan, spelling } of this.cards) {
        if (spelling && text.includes(spelling)) findings.push({ where, pan, how: "spelling" });
      }
    }
    return findings;
  }
}
