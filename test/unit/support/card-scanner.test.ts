import { describe, expect, it } from "vitest";
import { maskFreeText } from "../../../functions/lib/masking/index.ts";
import { cardCorpus, inScript, SCRIPTS, SEPARATORS } from "../../support/card-corpus.ts";
import { CardScanner, digitsOf } from "../../support/card-scanner.ts";

const corpus = cardCorpus(240, 7);

describe("card corpus", () => {
  it("holds Luhn-valid numbers of every length from 13 to 19, in every script and with every separator", () => {
    // Act
    const lengths = new Set(corpus.map((entry) => entry.pan.length));
    const spellings = corpus.map((entry) => entry.spelling);

    // Assess
    expect([...lengths].sort()).toEqual([13, 14, 15, 16, 17, 18, 19]);
    for (const separator of SEPARATORS)
      expect(spellings.some((spelling) => spelling.includes(separator))).toBe(true);
    for (const zero of Object.values(SCRIPTS))
      expect(
        spellings.some((spelling) => spelling.includes(String.fromCodePoint(zero + 4)) || zero === 0x30),
      ).toBe(true);
    for (const entry of corpus) expect(digitsOf(entry.spelling)).toBe(entry.pan);
  });
});

describe("CardScanner", () => {
  const scanner = new CardScanner(corpus);
  const planted = corpus[100] ?? corpus[0];

  it.each([
    ["as typed", (pan: string) => `note: ${pan}`],
    [
      "in Devanagari digits inside JSON",
      (pan: string) => JSON.stringify({ text: inScript(pan, "devanagari") }),
    ],
    ["full-width with zero-width spaces", (pan: string) => [...inScript(pan, "fullWidth")].join("\u200b")],
    ["split by line breaks in a log line", (pan: string) => `{"msg":"${pan.slice(0, 6)}\\n${pan.slice(6)}"}`],
    ["as its first 13 digits only", (pan: string) => `ref ${pan.slice(0, 13)}`],
  ])("finds a planted number %s", (_case, plant) => {
    // Prepare
    const haystacks = [
      { where: "clean", text: "nothing here 1-800-528-4800 $127.43" },
      { where: "planted", text: plant(planted?.pan ?? "") },
    ];

    // Act
    const findings = scanner.scan(haystacks);

    // Assess
    expect(findings.map((finding) => finding.where)).toEqual(["planted"]);
    expect(findings[0]?.pan).toBe(planted?.pan);
  });

  it("finds a number's original spelling", () => {
    // Act
    const findings = scanner.scan([{ where: "raw", text: `x ${planted?.sentence}` }]);

    // Assess
    expect(findings.some((finding) => finding.how === "spelling")).toBe(true);
  });

  it("finds nothing once each sentence of the corpus is masked, and something when one is not", () => {
    // Prepare
    const masked = corpus.map((entry, index) => ({
      where: `entry ${index}`,
      text: maskFreeText(entry.sentence).text,
    }));
    const compact = corpus.map((entry, index) => ({
      where: `compact ${index}`,
      text: maskFreeText(entry.compact).text,
    }));

    // Act
    const clean = scanner.scan([...masked, ...compact]);
    const dirty = scanner.scan([...masked, { where: "unmasked", text: planted?.compact ?? "" }]);

    // Assess
    expect(clean).toEqual([]);
    expect(dirty.map((finding) => finding.where)).toEqual(["unmasked", "unmasked"]);
  });
});
