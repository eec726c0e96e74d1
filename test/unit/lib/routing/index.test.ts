import { describe, expect, it } from "vitest";
import { loadRoutingConfig, parseRoutingConfig } from "../../../../functions/lib/routing/index.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

describe("loadRoutingConfig", () => {
  it("parses the shipped configuration", () => {
    // Prepare
    const expected = parseRoutingConfig(defaultRouting);

    // Act
    const config = loadRoutingConfig();

    // Assess
    expect(config).toEqual(expected);
  });

  it("parses it once and shares the result", () => {
    // Prepare
    const first = loadRoutingConfig();

    // Act
    const second = loadRoutingConfig();

    // Assess
    expect(second).toBe(first);
  });

  it("cannot be changed by one handler under the feet of another", () => {
    // Prepare
    const config = loadRoutingConfig();

    // Act
    const change = () => {
      (config.queues[0] as { basePriority: number }).basePriority = 500;
    };

    // Assess
    expect(change).toThrow(TypeError);
    expect(Object.isFrozen(config.queues[0]?.hours)).toBe(true);
  });
});
