import { describe, expect, it } from "vitest";
import type { Topic } from "../../../../functions/lib/assistant/types.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/parse-routing-config.ts";
import { routeChat } from "../../../../functions/lib/routing/route-chat.ts";
import type { RoutingRequest } from "../../../../functions/lib/routing/types.ts";
import { TOPICS } from "../../../../functions/lib/routing/vocabulary.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";
import { configWith, queue } from "./routing-fixtures.ts";

const shipped = parseRoutingConfig(defaultRouting);

describe("routeChat with the shipped configuration", () => {
  it.each<[string, string, string, Topic | undefined, string, boolean]>([
    ["US", "en", "consumer", "dispute", "us-disputes-en", false],
    ["US", "en", "consumer", "fraud", "us-fraud-en", false],
    ["US", "en", "consumer", "card-services", "us-card-services-en", false],
    ["US", "en", "consumer", "rewards", "us-rewards-en", false],
    ["US", "en", "consumer", "credit", "us-credit-en", false],
    ["US", "en", "consumer", "travel", "us-travel-en", false],
    ["US", "en", "consumer", "complaint", "us-consumer-en", false],
    ["US", "es", "consumer", "billing", "us-consumer-es", false],
    ["US", "es-US", "consumer", "dispute", "us-disputes-es", false],
    ["US", "en", "small-business", "billing", "us-small-business-en", false],
    ["US", "en", "small-business", "dispute", "us-disputes-en", false],
    ["US", "es", "small-business", "rewards", "us-rewards-es", false],
    ["US", "es", "small-business", "billing", "us-small-business-es", false],
    ["GB", "en", "consumer", "card-services", "gb-general-en", false],
    ["uk", "en-GB", "corporate", "billing", "gb-general-en", false],
    ["MX", "es", "consumer", "dispute", "mx-general-es", false],
    ["mx", "es-MX", "small-business", "fraud", "mx-general-es", false],
    ["JP", "ja", "consumer", "rewards", "jp-general-ja", false],
    ["JP", "en", "consumer", "travel", "jp-general-en", false],
    ["CA", "en", "consumer", "billing", "ca-general-en", false],
    ["US", "en", "consumer", undefined, "us-consumer-en", true],
    ["US", "en", "corporate", "billing", "us-corporate", false],
    ["US", "es", "corporate", "dispute", "us-corporate", false],
    ["US", "en", "corporate", "fraud", "us-corporate", false],
    ["US", "es", "prepaid", "billing", "us-prepaid", false],
    ["US", "en", "prepaid", undefined, "us-prepaid", true],
    ["US", "en", "merchant", "dispute", "us-merchant", false],
    ["US", "es-US", "merchant", undefined, "us-merchant", true],
    ["ZZ", "fr", "prepaid", "billing", "us-consumer-en", true],
    ["US", "en", "private-bank", "billing", "us-consumer-en", true],
    ["US", "fr", "consumer", "dispute", "us-disputes-en", true],
    ["GB", "fr", "consumer", undefined, "gb-general-en", true],
    ["JP", "es", "consumer", "fraud", "jp-general-en", true],
    ["ZZ", "en", "consumer", "billing", "us-consumer-en", true],
    ["ZZ", "fr", "consumer", "fraud", "us-consumer-en", true],
    ["", "", "", undefined, "us-consumer-en", true],
  ])(
    "%j / %j / %j / %s → %s (fell back: %s)",
    (country, language, segment, topic, expectedQueue, expectedFallback) => {
      // Prepare
      const request = { country, language, segment, topic };

      // Act
      const decision = routeChat(shipped, request);

      // Assess
      expect(decision.queueId).toBe(expectedQueue);
      expect(decision.fellBack).toBe(expectedFallback);
    },
  );

  it.each<[RoutingRequest, RegExp]>([
    [
      { country: "US", language: "en", segment: "consumer", topic: "dispute" },
      /^matched us-disputes-en for US \/ en/,
    ],
    [{ country: "US", language: "en", segment: "consumer" }, /no topic given/],
    [
      { country: "US", language: "en", segment: "private-bank", topic: "billing" },
      /no general queue for segment "private-bank"/,
    ],
    [
      { country: "US", language: "fr", segment: "consumer", topic: "dispute" },
      /no queue in "fr" for US, so English/,
    ],
    [
      { country: "ZZ", language: "fr", segment: "consumer" },
      /default queue us-consumer-en .*no queue for country "ZZ" in "fr" or English/,
    ],
  ])("says why in its reason: %o", (request, expected) => {
    // Prepare
    // Act
    const { reason } = routeChat(shipped, request);

    // Assess
    expect(reason).toMatch(expected);
  });

  it.each(TOPICS.filter((topic) => topic !== "fraud"))("puts fraud ahead of %s", (topic) => {
    // Prepare
    const customer = { country: "US", language: "en", segment: "consumer" };

    // Act
    const fraud = routeChat(shipped, { ...customer, topic: "fraud" });
    const other = routeChat(shipped, { ...customer, topic });

    // Assess
    expect(fraud.priority).toBeGreaterThan(other.priority);
  });

  it("keeps the fraud boost when the topic has no queue of its own", () => {
    // Prepare
    const request = { country: "MX", language: "es", segment: "consumer" };

    // Act
    const fraud = routeChat(shipped, { ...request, topic: "fraud" });
    const billing = routeChat(shipped, { ...request, topic: "billing" });

    // Assess
    expect(fraud.queueId).toBe(billing.queueId);
    expect(fraud.priority).toBe(billing.priority + 100);
  });

  it.each<RoutingRequest>([
    { country: "US", language: "en", segment: "consumer", topic: "dispute", escalation: true },
    { country: "JP", language: "ja", segment: "corporate", escalation: true },
    { country: "ZZ", language: "fr", segment: "", escalation: true },
  ])("sends an escalation to the supervisors: %o", (request) => {
    // Prepare
    // Act
    const decision = routeChat(shipped, request);

    // Assess
    expect(decision).toMatchObject({ queueId: "supervisors", fellBack: false });
  });
});

describe("routeChat's choice among matching queues", () => {
  const config = parseRoutingConfig(
    configWith(
      queue("any-country-disputes", { languages: ["en"], topics: ["dispute"] }),
      queue("us-first", { countries: ["US"], languages: ["en"], segments: ["corporate"] }),
      queue("us-second", { countries: ["US"], languages: ["en"], segments: ["corporate"] }),
      queue("us-every-segment", { countries: ["US"], languages: ["es"] }),
      queue("us-consumers-es", { countries: ["US"], languages: ["es"], segments: ["consumer"] }),
    ),
  );

  it.each<[string, RoutingRequest, string]>([
    [
      "an explicit topic beats an explicit country",
      { country: "US", language: "en", segment: "consumer", topic: "dispute" },
      "any-country-disputes",
    ],
    [
      "an explicit segment beats every segment",
      { country: "US", language: "en", segment: "corporate", topic: "billing" },
      "us-first",
    ],
    ["the first declared wins a tie", { country: "US", language: "en", segment: "corporate" }, "us-first"],
    [
      "with the segment dropped, a queue for every segment first",
      { country: "US", language: "es", segment: "gold" },
      "us-every-segment",
    ],
    [
      "an explicit segment still wins when it matches",
      { country: "US", language: "es", segment: "consumer" },
      "us-consumers-es",
    ],
    [
      "a supervisor queue is never matched",
      { country: "FR", language: "es", segment: "consumer" },
      "general",
    ],
  ])("%s", (_name, request, expected) => {
    // Prepare
    // Act
    const { queueId } = routeChat(config, request);

    // Assess
    expect(queueId).toBe(expected);
  });

  it("adds the queue's base priority and every rule for the topic", () => {
    // Prepare
    const boosted = parseRoutingConfig({
      ...configWith(
        queue("vip", { countries: ["US"], languages: ["en"], segments: ["corporate"], basePriority: 7 }),
      ),
      priorityRules: [
        { topic: "fraud", boost: 100 },
        { topic: "fraud", boost: 5 },
        { topic: "billing", boost: 1 },
      ],
    });

    // Act
    const decision = routeChat(boosted, {
      country: "US",
      language: "en",
      segment: "corporate",
      topic: "fraud",
    });

    // Assess
    expect(decision).toMatchObject({ queueId: "vip", priority: 112 });
  });
});
