import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AssistantReply } from "../../../../functions/lib/assistant/types.ts";
import { converse, profile } from "./conversation.ts";
import { type UtteranceCase, unmet } from "./utterance-expectations.ts";

/**
 * The labelled utterance set through the real assistant: accuracy per group and overall, printed as
 * a table. The set was written from the issuer's guide and customers' phrasings before the assistant
 * was tuned; the test fails when fewer than 95% of the cases are handled as labelled.
 */
const load = (name: string) =>
  (
    JSON.parse(readFileSync(new URL(`../../../fixtures/assistant/${name}`, import.meta.url), "utf8")) as {
      cases: UtteranceCase[];
    }
  ).cases;
const cases = load("utterances.json");
// Written after the first tuning as unseen phrasings (72% on its first run, then fixed; see its "about").
const holdout = load("utterances-holdout.json");
const TARGET = 0.95;

async function play(testCase: UtteranceCase): Promise<AssistantReply> {
  const customer = profile({
    country: testCase.country ?? "US",
    locale: testCase.language === "es" ? "es-US" : "en-US",
  });
  const replies = await converse(customer, [...(testCase.previous ?? []), testCase.text]);
  const reply = replies.at(-1);
  if (reply === undefined) throw new Error("no reply");
  return reply;
}

describe("the assistant on the labelled utterance set", () => {
  it("has at least 200 cases in English and Spanish, with typos and multi-turn follow-ups", () => {
    // Prepare
    const languages = new Set(cases.map((testCase) => testCase.language));

    // Act
    const multiTurn = cases.filter((testCase) => (testCase.previous ?? []).length > 0);

    // Assess
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect([...languages].sort()).toEqual(["en", "es"]);
    expect(multiTurn.length).toBeGreaterThanOrEqual(20);
  });

  it(`handles at least ${TARGET * 100}% of them as labelled`, async () => {
    // Prepare
    const set = cases;

    // Act
    const accuracy = await score("utterances.json", set);

    // Assess
    expect(accuracy).toBeGreaterThanOrEqual(TARGET);
  });

  it(`handles at least ${TARGET * 100}% of the second set, written after the first tuning`, async () => {
    // Prepare
    const set = holdout;

    // Act
    const accuracy = await score("utterances-holdout.json", set);

    // Assess
    expect(set.length).toBeGreaterThanOrEqual(40);
    expect(accuracy).toBeGreaterThanOrEqual(TARGET);
  });
});

/** Plays every case, prints accuracy per group and the misses, and returns the overall accuracy. */
async function score(name: string, set: readonly UtteranceCase[]): Promise<number> {
  const results: { testCase: UtteranceCase; problem: string | undefined }[] = [];
  for (const testCase of set) results.push({ testCase, problem: unmet(testCase, await play(testCase)) });
  const groups = new Map<string, { cases: number; right: number }>();
  for (const { testCase, problem } of results) {
    const group = groups.get(testCase.group) ?? { cases: 0, right: 0 };
    group.cases += 1;
    if (problem === undefined) group.right += 1;
    groups.set(testCase.group, group);
  }
  const right = results.filter((result) => result.problem === undefined).length;
  const accuracy = right / results.length;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(`Assistant accuracy on ${name}:`);
  console.table(
    Object.fromEntries([
      ...[...groups].map(([group, tally]) => [
        group,
        { cases: tally.cases, right: tally.right, accuracy: percent(tally.right / tally.cases) },
      ]),
      ["overall", { cases: results.length, right, accuracy: percent(accuracy) }],
    ]),
  );
  const misses = results.filter((result) => result.problem !== undefined);
  if (misses.length > 0)
    console.log(
      misses
        .map(({ testCase, problem }) => `  [${testCase.group}] ${JSON.stringify(testCase.text)}: ${problem}`)
        .join("\n"),
    );
  return accuracy;
}
