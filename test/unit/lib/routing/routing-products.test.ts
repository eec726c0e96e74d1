import { describe, expect, it } from "vitest";
import {
  parseRoutingConfig,
  RoutingConfigError,
} from "../../../../functions/lib/routing/parse-routing-config.ts";
import type { RoutingProductInput } from "../../../../functions/lib/routing/routing-schema.ts";
import { minimalConfig, queue } from "./routing-fixtures.ts";

const serve: RoutingProductInput = {
  id: "serve",
  name: "Serve",
  names: ["Serve card"],
  segment: "prepaid",
  contactNumbers: { US: "1-800-954-0559" },
};

function problemsOf(raw: unknown): string {
  try {
    parseRoutingConfig(raw);
  } catch (error) {
    if (error instanceof RoutingConfigError) return error.message;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("the routing configuration's products and business segments", () => {
  it("has no products unless some are configured", () => {
    // Prepare
    const raw = minimalConfig();

    // Act
    const config = parseRoutingConfig(raw);

    // Assess
    expect(config.products).toEqual([]);
  });

  it("keeps a product with its names, segment and numbers", () => {
    // Prepare
    const raw = minimalConfig({ products: [serve] });

    // Act
    const config = parseRoutingConfig(raw);

    // Assess
    expect(config.products).toEqual([serve]);
  });

  it.each<[string, RoutingProductInput[], RegExp]>([
    ["a product without numbers", [{ ...serve, contactNumbers: {} }], /give at least one number/],
    ["a product without names", [{ ...serve, names: [] }], /names/],
    ["a product of an unknown segment", [{ ...serve, segment: "vip" as "prepaid" }], /segment/],
    [
      "a lower-case country",
      [{ ...serve, contactNumbers: { us: "1" } }],
      /products\[0\]\.contactNumbers\.us/,
    ],
    ["two products with one id", [serve, { ...serve, name: "Other" }], /product ids must be unique/],
  ])("rejects %s", (_case, products, expected) => {
    // Prepare
    const raw = minimalConfig({ products });

    // Act
    const problems = problemsOf(raw);

    // Assess
    expect(problems).toMatch(expected);
  });

  it("accepts queues for the corporate, prepaid and merchant segments", () => {
    // Prepare
    const base = minimalConfig();
    const raw = {
      ...base,
      queues: [
        ...base.queues,
        queue("corporate", { segments: ["corporate"] }),
        queue("prepaid", { segments: ["prepaid"] }),
        queue("merchant", { segments: ["merchant"] }),
      ],
    };

    // Act
    const config = parseRoutingConfig(raw);

    // Assess
    expect(config.queues.map((entry) => entry.segments)).toEqual([
      "*",
      "*",
      ["corporate"],
      ["prepaid"],
      ["merchant"],
    ]);
  });
});
