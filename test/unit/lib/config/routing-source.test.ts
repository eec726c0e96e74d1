import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRoutingConfig } from "../../../../functions/lib/config/routing-source.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/index.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

/** What the CDK app and the local runtime ship: the parsed configuration, written as JSON. */
function shippedFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), "carechat-routing-")), "routing.json");
  writeFileSync(file, JSON.stringify(parseRoutingConfig(defaultRouting)));
  return file;
}

describe("readRoutingConfig", () => {
  it("reads back exactly the configuration that was validated and shipped", () => {
    // Prepare
    const expected = parseRoutingConfig(defaultRouting);

    // Act
    const config = readRoutingConfig(shippedFile());

    // Assess
    expect(config).toEqual(expected);
  });

  it("cannot be changed by one use case under the feet of another", () => {
    // Prepare
    const config = readRoutingConfig(shippedFile());

    // Act
    const change = () => {
      (config.queues[0] as { basePriority: number }).basePriority = 500;
    };

    // Assess
    expect(change).toThrow(TypeError);
    expect(Object.isFrozen(config.queues[0]?.hours)).toBe(true);
  });
});
