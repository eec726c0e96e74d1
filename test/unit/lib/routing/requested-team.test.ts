import { describe, expect, it } from "vitest";
import type { RequestedTeam } from "../../../../functions/lib/assistant/types.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/parse-routing-config.ts";
import { requestForTeam } from "../../../../functions/lib/routing/requested-team.ts";
import { routeChat } from "../../../../functions/lib/routing/route-chat.ts";
import type { RoutingRequest } from "../../../../functions/lib/routing/types.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

const shipped = parseRoutingConfig(defaultRouting);
const consumer: RoutingRequest = { country: "US", language: "en", segment: "consumer", topic: "billing" };

describe("requestForTeam with the shipped configuration", () => {
  it.each<[RequestedTeam, RoutingRequest, string]>([
    ["supervisor", consumer, "supervisors"],
    ["supervisor", { ...consumer, language: "es" }, "supervisors"],
    ["dispute", consumer, "us-disputes-en"],
    ["credit", consumer, "us-credit-en"],
    ["rewards", consumer, "us-rewards-en"],
    ["travel", consumer, "us-travel-en"],
    ["rewards", { ...consumer, language: "es" }, "us-rewards-es"],
    ["dispute", { ...consumer, language: "es-US" }, "us-disputes-es"],
    ["credit", { ...consumer, language: "es" }, "us-credit-es"],
    ["travel", { ...consumer, language: "es" }, "us-travel-es"],
    ["dispute", { ...consumer, country: "GB", language: "en-GB" }, "gb-general-en"],
    ["merchant", consumer, "us-merchant"],
    ["merchant", { ...consumer, topic: "dispute" }, "us-merchant"],
    ["corporate", { ...consumer, language: "es-US" }, "us-corporate"],
  ])("routes a customer asking for %s (%o) to %s", (team, request, expected) => {
    // Prepare
    const asked = requestForTeam(request, team);

    // Act
    const decision = routeChat(shipped, asked);

    // Assess
    expect(decision.queueId).toBe(expected);
  });

  it("keeps the request as it is when no team was asked for", () => {
    // Prepare
    const request = { ...consumer, topic: "fraud" } as const;

    // Act
    const asked = requestForTeam(request, undefined);

    // Assess
    expect(asked).toBe(request);
    expect(routeChat(shipped, asked).queueId).toBe("us-fraud-en");
  });

  it("keeps the topic's priority when a merchant is routed by segment", () => {
    // Prepare
    const fraud = requestForTeam({ ...consumer, topic: "fraud" }, "merchant");

    // Act
    const decision = routeChat(shipped, fraud);

    // Assess
    expect(decision.queueId).toBe("us-merchant");
    expect(decision.priority).toBeGreaterThan(
      routeChat(shipped, requestForTeam(consumer, "merchant")).priority,
    );
  });
});
