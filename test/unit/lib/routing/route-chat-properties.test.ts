import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Topic } from "../../../../functions/lib/assistant/types.ts";
import { isOpen } from "../../../../functions/lib/routing/hours.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/index.ts";
import { routeChat } from "../../../../functions/lib/routing/route-chat.ts";
import { overflowChain } from "../../../../functions/lib/routing/routing-validation.ts";
import { SEGMENTS, TOPICS } from "../../../../functions/lib/routing/vocabulary.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

const shipped = parseRoutingConfig(defaultRouting);

describe("routeChat's guarantees with the shipped configuration", () => {
  it("returns a configured queue for any request and never throws", () => {
    // Prepare
    const ids = new Set(shipped.queues.map((candidate) => candidate.id));
    const request = fc.record({
      country: fc.oneof(fc.string(), fc.constantFrom("US", "GB", "uk", "MX", "JP", "CA", "ZZ", "*")),
      language: fc.oneof(fc.string(), fc.constantFrom("en", "es", "ja", "fr", "es-MX", "EN-us", "*")),
      segment: fc.oneof(fc.string(), fc.constantFrom(...SEGMENTS, "*")),
      topic: fc.option(fc.oneof(fc.constantFrom(...TOPICS), fc.string() as fc.Arbitrary<Topic>), {
        nil: undefined,
      }),
      escalation: fc.option(fc.boolean(), { nil: undefined }),
    });

    // Act
    // Assess
    fc.assert(
      fc.property(request, (given) => {
        const decision = routeChat(shipped, given);
        expect(ids.has(decision.queueId)).toBe(true);
        expect(Number.isFinite(decision.priority)).toBe(true);
        expect(decision.reason).not.toBe("");
      }),
      { numRuns: 500 },
    );
  });

  describe("a US consumer writing in English", () => {
    const chat = fc.record({
      topic: fc.option(fc.constantFrom(...TOPICS), { nil: undefined }),
      language: fc.constantFrom("en", "en-US", "EN"),
      at: fc.date({
        min: new Date("2020-01-01T00:00:00Z"),
        max: new Date("2040-12-31T23:59:59Z"),
        noInvalidDate: true,
      }),
    });

    it("is routed to a queue that is open at any instant", () => {
      // Prepare
      // Act
      // Assess
      fc.assert(
        fc.property(chat, ({ topic, language, at }) => {
          const { queueId } = routeChat(shipped, { country: "US", language, segment: "consumer", topic });
          const routed = shipped.queues.find((candidate) => candidate.id === queueId);
          expect(routed && isOpen(routed, at)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it("is routed to a queue whose overflow chain reaches a 24/7 queue", () => {
      // Prepare
      // Act
      // Assess
      fc.assert(
        fc.property(chat, ({ topic, language }) => {
          const { queueId } = routeChat(shipped, { country: "US", language, segment: "consumer", topic });
          const chain = overflowChain(shipped, queueId);
          expect(chain.some((candidate) => candidate.hours.schedule === "24/7")).toBe(true);
        }),
      );
    });
  });
});
