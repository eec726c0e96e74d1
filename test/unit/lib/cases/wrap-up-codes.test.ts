import { describe, expect, it } from "vitest";
import {
  DEFAULT_WRAP_UP_CODES,
  isWrapUpCode,
  wrapUpCodesFor,
} from "../../../../functions/lib/cases/wrap-up-codes.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/index.ts";

const routing = (wrapUpCodes?: unknown) => ({
  version: "t",
  defaultQueueId: "general",
  supervisorQueueId: "supervisors",
  defaultContactNumber: "the number on your card",
  queues: [
    {
      id: "general",
      name: "General",
      countries: "*",
      languages: "*",
      segments: "*",
      topics: "*",
      hours: { timeZone: "UTC", schedule: "24/7" },
      ...(wrapUpCodes === undefined ? {} : { wrapUpCodes }),
    },
    {
      id: "supervisors",
      name: "Supervisors",
      kind: "supervisor",
      countries: "*",
      languages: "*",
      segments: "*",
      topics: "*",
      hours: { timeZone: "UTC", schedule: "24/7" },
    },
  ],
});

describe("wrap-up codes", () => {
  it("uses a queue's own codes, and the defaults elsewhere", () => {
    // Prepare
    const config = parseRoutingConfig(routing(["refund-issued", "explained"]));

    // Act
    const own = wrapUpCodesFor(config, "general");
    const other = wrapUpCodesFor(config, "supervisors");
    const none = wrapUpCodesFor(config, undefined);

    // Assess
    expect(own).toEqual(["refund-issued", "explained"]);
    expect(other).toEqual(DEFAULT_WRAP_UP_CODES);
    expect(none).toEqual(DEFAULT_WRAP_UP_CODES);
    expect(isWrapUpCode(config, "general", "dispute-filed")).toBe(false);
  });

  it.each([[[]], [["Refund Issued"]], [["dup", "dup"]]])("refuses %j at synth", (codes) => {
    // Act
    const parse = () => parseRoutingConfig(routing(codes));

    // Assess
    expect(parse).toThrow();
  });

  it("has defaults that the routing schema itself would accept", () => {
    // Act
    const parse = () => parseRoutingConfig(routing([...DEFAULT_WRAP_UP_CODES]));

    // Assess
    expect(parse).not.toThrow();
  });
});
