import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseRoutingConfig,
  RoutingConfigError,
} from "../../../../functions/lib/routing/parse-routing-config.ts";
import type { RoutingConfigInput } from "../../../../functions/lib/routing/routing-schema.ts";
import { configWith, minimalConfig, queue } from "./routing-fixtures.ts";

function problemsOf(raw: unknown): string {
  try {
    parseRoutingConfig(raw);
  } catch (error) {
    if (error instanceof RoutingConfigError) return error.message;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("parseRoutingConfig", () => {
  it("accepts a minimal configuration and fills in the defaults", () => {
    // Prepare
    const raw = minimalConfig();

    // Act
    const config = parseRoutingConfig(raw);

    // Assess
    expect(config.queues[0]).toMatchObject({
      kind: "standard",
      offerTimeoutSeconds: 30,
      basePriority: 0,
      countries: ["US"],
      topics: "*",
    });
    expect(config.priorityRules).toEqual([]);
    expect(config.contactNumbers).toEqual({});
    expect(config.defaultContactNumberByLanguage).toEqual({});
  });

  it('reads ["*"] as "*"', () => {
    // Prepare
    const raw = configWith(queue("anywhere", { countries: ["*"], segments: ["*"] }));

    // Act
    const config = parseRoutingConfig(raw);

    // Assess
    expect(config.queues[2]).toMatchObject({ countries: "*", segments: "*" });
  });

  it("accepts an overnight opening written as two ranges, one on each day", () => {
    // Prepare
    const raw = configWith(
      queue("nights", {
        hours: {
          timeZone: "Europe/London",
          schedule: { mon: [{ open: "22:00", close: "24:00" }], tue: [{ open: "00:00", close: "06:00" }] },
        },
      }),
    );

    // Act
    const parse = () => parseRoutingConfig(raw);

    // Assess
    expect(parse).not.toThrow();
  });

  it.each<[string, RoutingConfigInput, RegExp]>([
    [
      "duplicate queue ids",
      configWith(queue("general")),
      /duplicate queue id "general"[\s\S]*queues\[2\]\.id/,
    ],
    [
      "an overflow to a queue that does not exist",
      configWith(queue("disputes", { overflow: { queueId: "nowhere", afterSeconds: 60 } })),
      /there is no queue "nowhere" to overflow to[\s\S]*queues\[2\]\.overflow\.queueId/,
    ],
    [
      "a default queue that does not exist",
      minimalConfig({ defaultQueueId: "missing" }),
      /there is no queue "missing"/,
    ],
    [
      "a supervisor queue that does not exist",
      minimalConfig({ supervisorQueueId: "missing" }),
      /there is no queue "missing"[\s\S]*supervisorQueueId/,
    ],
    [
      "a supervisor queue of the standard kind",
      minimalConfig({ supervisorQueueId: "general" }),
      /"general" is a standard queue; supervisorQueueId needs a supervisor one/,
    ],
    [
      "an overflow cycle",
      configWith(
        queue("a", { overflow: { queueId: "b", afterSeconds: 60 } }),
        queue("b", { overflow: { queueId: "c", afterSeconds: 60 } }),
        queue("c", { overflow: { queueId: "a", afterSeconds: 60 } }),
      ),
      /comes back to it: a → b → c → a/,
    ],
    [
      "an overflow to itself",
      configWith(queue("a", { overflow: { queueId: "a", afterSeconds: 60 } })),
      /comes back to it: a → a/,
    ],
    [
      "an overflow to a queue without the customer's language",
      configWith(
        queue("es", {
          countries: ["US"],
          languages: ["es"],
          overflow: { queueId: "general", afterSeconds: 60 },
        }),
      ),
      /"general" does not serve every language of "es"/,
    ],
    [
      "an unknown time zone",
      configWith(queue("mars", { hours: { timeZone: "Mars/Olympus_Mons", schedule: "24/7" } })),
      /expected an IANA time zone[\s\S]*queues\[2\]\.hours\.timeZone/,
    ],
    [
      "a range that closes before it opens",
      configWith(
        queue("late", {
          hours: { timeZone: "Asia/Tokyo", schedule: { mon: [{ open: "22:00", close: "06:00" }] } },
        }),
      ),
      /close must be after open; write an overnight opening as two ranges/,
    ],
    [
      "overlapping ranges",
      configWith(
        queue("twice", {
          hours: {
            timeZone: "Asia/Tokyo",
            schedule: {
              fri: [
                { open: "09:00", close: "13:00" },
                { open: "12:00", close: "18:00" },
              ],
            },
          },
        }),
      ),
      /12:00 opens before 13:00 closes/,
    ],
    [
      "a queue that never opens",
      configWith(queue("never", { hours: { timeZone: "Asia/Tokyo", schedule: { mon: [] } } })),
      /the queue never opens/,
    ],
    [
      "a malformed time",
      configWith(
        queue("odd", {
          hours: { timeZone: "Asia/Tokyo", schedule: { mon: [{ open: "9:00", close: "17:00" }] } },
        }),
      ),
      /expected "HH:MM"/,
    ],
    [
      '"*" among other values',
      configWith(queue("mixed", { countries: ["*", "US"] })),
      /"\*" already means every value/,
    ],
    ["a lower-case country code", configWith(queue("lower", { countries: ["us"] })), /ISO 3166-1 alpha-2/],
    ["an unknown topic", configWith(queue("pets", { topics: ["pets" as "travel"] })), /queues\[2\]\.topics/],
  ])("rejects %s", (_name, raw, expected) => {
    // Prepare
    // Act
    const problems = problemsOf(raw);

    // Assess
    expect(problems).toMatch(/^Invalid routing configuration:/);
    expect(problems).toMatch(expected);
  });

  it("rejects misspelt fields rather than ignoring them", () => {
    // Prepare
    const raw = configWith({ ...queue("typo"), overflw: { queueId: "general", afterSeconds: 60 } } as never);

    // Act
    const problems = problemsOf(raw);

    // Assess
    expect(problems).toMatch(/overflw/);
  });

  it("rejects a configuration where a US consumer writing in English can go unanswered at night", () => {
    // Prepare
    const raw = minimalConfig({
      queues: [
        queue("general", {
          countries: ["US"],
          languages: ["en"],
          hours: { timeZone: "America/New_York", schedule: { mon: [{ open: "09:00", close: "17:00" }] } },
        }),
        queue("supervisors", { kind: "supervisor" }),
      ],
    });

    // Act
    const problems = problemsOf(raw);

    // Assess
    expect(problems).toMatch(/must reach a live agent at any hour \(docs\/PROTOCOL\.md\)/);
  });

  it("accepts a daytime US queue that overflows into a 24/7 one", () => {
    // Prepare
    const raw = configWith(
      queue("us-disputes", {
        countries: ["US"],
        languages: ["en"],
        topics: ["dispute"],
        hours: { timeZone: "America/New_York", schedule: { mon: [{ open: "09:00", close: "17:00" }] } },
        overflow: { queueId: "general", afterSeconds: 300 },
      }),
    );

    // Act
    const parse = () => parseRoutingConfig(raw);

    // Assess
    expect(parse).not.toThrow();
  });

  it("throws only its readable error, whatever it is given", () => {
    // Prepare
    const anything = fc.oneof(
      fc.anything(),
      fc.record({ queues: fc.array(fc.anything()) }, { requiredKeys: [] }),
    );

    // Act
    // Assess
    fc.assert(
      fc.property(anything, (raw) => {
        expect(() => parseRoutingConfig(raw)).toThrow(RoutingConfigError);
      }),
    );
  });

  it("never fails with anything but its readable error when one field of a queue is anything", () => {
    // Prepare
    const fields = [
      "id",
      "kind",
      "countries",
      "languages",
      "segments",
      "topics",
      "hours",
      "overflow",
      "basePriority",
    ];
    const mutation = fc.record({ index: fc.nat(1), field: fc.constantFrom(...fields), value: fc.anything() });

    // Act
    // Assess
    fc.assert(
      fc.property(mutation, ({ index, field, value }) => {
        const raw = minimalConfig();
        const queues = raw.queues.map((candidate, position) =>
          position === index ? { ...candidate, [field]: value } : candidate,
        );
        try {
          parseRoutingConfig({ ...raw, queues });
        } catch (error) {
          expect(error).toBeInstanceOf(RoutingConfigError);
        }
      }),
    );
  });
});
