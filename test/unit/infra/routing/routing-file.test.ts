import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { placeholderNumbers } from "../../../../infra/routing/placeholder-numbers.ts";
import { DEFAULT_ROUTING_FILE, readRoutingFile } from "../../../../infra/routing/routing-file.ts";

const dir = mkdtempSync(path.join(tmpdir(), "carechat-routing-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shipped = () => JSON.parse(readFileSync(DEFAULT_ROUTING_FILE, "utf8")) as Record<string, unknown>;

function writeRouting(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("readRoutingFile", () => {
  it("reads the shipped file and lists its four placeholder numbers", () => {
    // Act
    const routing = readRoutingFile(DEFAULT_ROUTING_FILE);

    // Assess
    expect(routing.config.defaultQueueId).toBe("us-consumer-en");
    expect(routing.placeholders.map((placeholder) => [placeholder.country, placeholder.number])).toEqual([
      ["CA", "1-416-555-0142"],
      ["GB", "0808 157 0192"],
      ["JP", "0120-000-142"],
      ["MX", "800 000 0142"],
    ]);
  });

  it("reports no placeholder once the bank's numbers replace them, and resolves a relative path", () => {
    // Prepare
    const config = shipped();
    config.contactNumbers = { US: "1-800-528-4800", GB: "0800 917 8047", CA: "1-800-668-2639" };
    const file = writeRouting("bank.json", config);

    // Act
    const routing = readRoutingFile(path.basename(file), dir);

    // Assess
    expect(routing.file).toBe(file);
    expect(routing.placeholders).toEqual([]);
  });

  it("still recognises a shipped placeholder that was only reformatted, and any 555-01xx number", () => {
    // Act
    const found = placeholderNumbers({
      contactNumbers: { GB: "08081570192", US: "(212) 555-0123", FR: "01 23 45 67 89" },
    });

    // Assess
    expect(found.map((placeholder) => placeholder.country)).toEqual(["GB", "US"]);
  });

  it("fails with the file's name and every problem when the configuration is invalid", () => {
    // Prepare
    const config = shipped();
    config.defaultQueueId = "no-such-queue";
    (config.queues as Record<string, unknown>[])[0] = {
      ...(config.queues as Record<string, unknown>[])[0],
      hours: { timeZone: "Mars/Olympus", schedule: "24/7" },
    };
    const file = writeRouting("broken.json", config);

    // Act
    const read = () => readRoutingFile(file);

    // Assess
    expect(read).toThrow(file);
    expect(read).toThrow(/Invalid routing configuration/);
    expect(read).toThrow(/IANA time zone/);
  });

  it("fails readably on a file that is not JSON, and on a missing file", () => {
    // Prepare
    const notJson = writeRouting("not-json.json", "{ queues: [");

    // Act
    const readNotJson = () => readRoutingFile(notJson);
    const readMissing = () => readRoutingFile(path.join(dir, "missing.json"));

    // Assess
    expect(readNotJson).toThrow(/is not valid JSON/);
    expect(readMissing).toThrow(/does not exist \(context routingFile\)/);
  });
});
