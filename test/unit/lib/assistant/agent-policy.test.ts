import { describe, expect, it } from "vitest";
import { missingDetails, topicNeedsAgent } from "../../../../functions/lib/assistant/agent-policy.ts";
import type { ExtractedDetails, Topic } from "../../../../functions/lib/assistant/types.ts";

const COMPLETE: ExtractedDetails = { amount: "10", date: "08/15", merchant: "XYZ Store", cardLast4: "1234" };

describe("missingDetails", () => {
  it("asks a dispute for amount, date, merchant and card, in that order", () => {
    // Prepare
    const details: ExtractedDetails = { merchant: "XYZ Store" };

    // Act
    const missing = missingDetails("dispute", details);

    // Assess
    expect(missing).toEqual(["amount", "date", "cardLast4"]);
  });

  it.each<[Topic, string[]]>([
    ["card-services", ["cardLast4"]],
    ["account-changes", ["cardLast4"]],
    ["rewards", []],
    ["fraud", []],
    ["general", []],
  ])("needs %s: %j", (topic, expected) => {
    // Prepare
    const details: ExtractedDetails = {};

    // Act
    const missing = missingDetails(topic, details);

    // Assess
    expect(missing).toEqual(expected);
  });

  it("needs nothing without a topic", () => {
    // Prepare
    const details: ExtractedDetails = {};

    // Act
    const missing = missingDetails(undefined, details);

    // Assess
    expect(missing).toEqual([]);
  });
});

describe("topicNeedsAgent", () => {
  it.each<[Topic, ExtractedDetails, string, boolean]>([
    ["dispute", COMPLETE, "", true],
    ["dispute", { amount: "10" }, "", false],
    ["complaint", {}, "", true],
    ["credit", { cardLast4: "1234" }, "", true],
    ["account-changes", { cardLast4: "1234" }, "", true],
    ["travel", {}, "Can you check my itinerary?", false],
    ["travel", {}, "The airline cancelled and I need a reissue", true],
    ["travel", {}, "Quiero cambiar mi vuelo", true],
    ["rewards", {}, "", false],
    ["general", {}, "", false],
  ])("for %s with %j and %j: %s", (topic, details, text, expected) => {
    // Prepare
    const input = { topic, details, text };

    // Act
    const result = topicNeedsAgent(input.topic, input.details, input.text);

    // Assess
    expect(result).toBe(expected);
  });
});
