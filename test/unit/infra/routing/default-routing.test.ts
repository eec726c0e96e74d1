import { describe, expect, it } from "vitest";
import { describeHours } from "../../../../functions/lib/routing/hours.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/parse-routing-config.ts";
import type { RoutingQueue } from "../../../../functions/lib/routing/routing-schema.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";
import { placeholderNumbers } from "../../../../infra/routing/placeholder-numbers.ts";

const config = parseRoutingConfig(defaultRouting);
const byId = (id: string): RoutingQueue | undefined => config.queues.find((queue) => queue.id === id);

describe("the shipped routing configuration", () => {
  it("parses, with the US English consumer queue as the fallback and the supervisors for escalations", () => {
    // Prepare
    // Act
    const { defaultQueueId, supervisorQueueId } = config;

    // Assess
    expect(defaultQueueId).toBe("us-consumer-en");
    expect(supervisorQueueId).toBe("supervisors");
    expect(byId("supervisors")).toMatchObject({ kind: "supervisor", hours: { schedule: "24/7" } });
  });

  it("has the documented queues", () => {
    // Prepare
    // Act
    const summary = config.queues.map((queue) => [
      queue.id,
      queue.countries,
      queue.languages,
      queue.overflow?.queueId,
    ]);

    // Assess
    expect(summary).toEqual([
      ["us-consumer-en", ["US"], ["en"], undefined],
      ["us-consumer-es", ["US"], ["es"], undefined],
      ["us-small-business-en", ["US"], ["en"], "us-consumer-en"],
      ["us-small-business-es", ["US"], ["es"], "us-consumer-es"],
      ["us-fraud-en", ["US"], ["en"], "us-consumer-en"],
      ["us-disputes-en", ["US"], ["en"], "us-consumer-en"],
      ["us-card-services-en", ["US"], ["en"], "us-consumer-en"],
      ["us-rewards-en", ["US"], ["en"], "us-consumer-en"],
      ["us-credit-en", ["US"], ["en"], "us-consumer-en"],
      ["us-travel-en", ["US"], ["en"], "us-consumer-en"],
      ["us-disputes-es", ["US"], ["es"], "us-consumer-es"],
      ["us-credit-es", ["US"], ["es"], "us-consumer-es"],
      ["us-rewards-es", ["US"], ["es"], "us-consumer-es"],
      ["us-travel-es", ["US"], ["es"], "us-consumer-es"],
      ["us-corporate", ["US"], ["en", "es"], undefined],
      ["us-merchant", ["US"], ["en", "es"], undefined],
      ["us-prepaid", ["US"], ["en", "es"], undefined],
      ["gb-general-en", ["GB"], ["en"], undefined],
      ["mx-general-es", ["MX"], ["es"], undefined],
      ["jp-general-ja", ["JP"], ["ja"], undefined],
      ["jp-general-en", ["JP"], ["en"], undefined],
      ["ca-general-en", ["CA"], ["en"], undefined],
      ["supervisors", "*", ["en", "es", "ja"], undefined],
    ]);
  });

  it("staffs every US queue 24/7, as the issuer's guide says", () => {
    // Prepare
    const us = config.queues.filter((queue) => queue.countries !== "*" && queue.countries.includes("US"));

    // Act
    const schedules = new Set(us.map((queue) => queue.hours.schedule));

    // Assess
    expect(us.length).toBeGreaterThan(0);
    expect([...schedules]).toEqual(["24/7"]);
  });

  it.each([
    ["gb-general-en", "Monday to Saturday, 8:00 to 20:00 (Europe/London time)"],
    ["mx-general-es", "Every day, 7:00 to 22:00 (America/Mexico_City time)"],
    ["jp-general-ja", "Monday to Friday, 9:00 to 18:00 (Asia/Tokyo time)"],
    ["jp-general-en", "Monday to Friday, 9:00 to 18:00 (Asia/Tokyo time)"],
    [
      "ca-general-en",
      "Monday to Friday, 8:00 to 22:00; Saturday and Sunday, 9:00 to 17:00 (America/Toronto time)",
    ],
  ])("opens %s at local hours", (id, expected) => {
    // Prepare
    const queue = byId(id);

    // Act
    const hours = queue && describeHours(queue, "en");

    // Assess
    expect(hours).toBe(expected);
  });

  it("lets topic specialists overflow only into the general queue of their country", () => {
    // Prepare
    const specialists = config.queues.filter((queue) => queue.topics !== "*");

    // Act
    const targets = specialists.map((queue) => [queue.countries, byId(queue.overflow?.queueId ?? "")]);

    // Assess
    expect(specialists.length).toBe(10);
    for (const [countries, target] of targets) expect(target).toMatchObject({ countries, topics: "*" });
    // And in the customer's own language.
    for (const queue of specialists)
      expect(byId(queue.overflow?.queueId ?? "")?.languages).toEqual(queue.languages);
  });

  it("puts fraud first", () => {
    // Prepare
    const boosts = config.priorityRules.map((rule) => rule.boost);

    // Act
    const fraud = config.priorityRules.find((rule) => rule.topic === "fraud");

    // Assess
    expect(fraud?.boost).toBe(Math.max(...boosts));
  });

  it("has a phone number for every country it routes, the US one from the issuer's guide", () => {
    // Prepare
    const countries = new Set(
      config.queues.flatMap((queue) => (queue.countries === "*" ? [] : queue.countries)),
    );

    // Act
    const numbers = [...countries].map((country) => [country, config.contactNumbers[country]]);

    // Assess
    expect(config.contactNumbers.US).toBe("1-800-528-4800");
    for (const [country, number] of numbers) expect(number, country).toMatch(/\d/);
  });

  it("reports every number but the US one as a fictional placeholder to replace", () => {
    // Act
    const placeholders = placeholderNumbers(config).map((placeholder) => placeholder.country);

    // Assess
    expect(Object.keys(config.contactNumbers).length).toBeGreaterThanOrEqual(4);
    expect(placeholders).toEqual(
      Object.keys(config.contactNumbers)
        .filter((country) => country !== "US")
        .sort(),
    );
  });

  it("tells Spanish speakers about the card's number in Spanish", () => {
    // Prepare
    // Act
    const spanish = config.defaultContactNumberByLanguage.es;

    // Assess
    expect(config.defaultContactNumber).toBe("the number on the back of your card");
    expect(spanish).toBe("el número que aparece al reverso de su tarjeta");
  });

  it("gives corporate, merchant and prepaid customers a desk of their own", () => {
    // Prepare
    const segments = ["corporate", "merchant", "prepaid"] as const;

    // Act
    const desks = segments.map((segment) =>
      config.queues.filter((queue) => queue.segments !== "*" && queue.segments.includes(segment)),
    );

    // Assess
    expect(desks.map((queues) => queues.map((queue) => queue.id))).toEqual([
      ["us-corporate"],
      ["us-merchant"],
      ["us-prepaid"],
    ]);
  });

  it("has the prepaid products and the numbers the issuer's guide gives for them, and no others", () => {
    // Prepare
    // The guide: "If you have a complaint regarding Serve, ... call 1-800-954-0559. If you have a
    // complaint regarding Bluebird, Target Prepaid REDcard, or Gift Card, call us at 1-877-297-4438."
    const guide = {
      serve: { US: "1-800-954-0559" },
      bluebird: { US: "1-877-297-4438" },
      "target-prepaid": { US: "1-877-297-4438" },
      "gift-card": { US: "1-877-297-4438" },
    };

    // Act
    const products = Object.fromEntries(
      config.products.map((product) => [product.id, product.contactNumbers]),
    );

    // Assess
    expect(products).toEqual(guide);
    expect(config.products.every((product) => product.segment === "prepaid")).toBe(true);
  });
});
