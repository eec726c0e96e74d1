import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { describe, expect, it } from "vitest";
import { caseCreatedEvent } from "../../../../functions/lib/cases/case-events.ts";
import { CARE_EVENT_TYPES, eventJsonSchemas } from "../../../../functions/lib/events/event-schemas.ts";
import { EventBridgeBus } from "../../../../functions/lib/events/eventbridge-bus.ts";

const root = resolve(fileURLToPath(import.meta.url), "../../../../..");

const event = (n: number) =>
  caseCreatedEvent({
    caseNumber: `CC-261201-00000${n}`,
    chatId: `chat-${n}`,
    kind: "chat",
    status: "open",
    customerId: "customer-1",
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T10:00:00.000Z",
    history: [],
  });

/** Answers PutEvents as EventBridge would, failing the entries `fail` names. */
function fakeClient(fail: (index: number) => boolean = () => false) {
  const calls: {
    Entries: { Source: string; DetailType: string; Detail: string; EventBusName?: string }[];
  }[] = [];
  const client = {
    send: async (command: { input: (typeof calls)[number] }) => {
      calls.push(command.input);
      const entries = command.input.Entries.map((_entry, index) =>
        fail(index) ? { ErrorCode: "InternalFailure" } : { EventId: `e-${index}` },
      );
      return { FailedEntryCount: entries.filter((entry) => "ErrorCode" in entry).length, Entries: entries };
    },
  };
  const eventBridge = {
    load: async () => ({
      sdk: await import("@aws-sdk/client-eventbridge"),
      client: client as unknown as EventBridgeClient,
    }),
  };
  return { calls, eventBridge };
}

describe("EventBridgeBus", () => {
  it("sends source carechat, the detail type and JSON detail, ten entries per call, to the named bus", async () => {
    // Prepare
    const { calls, eventBridge } = fakeClient();
    const bus = new EventBridgeBus(eventBridge, "carechat-events");

    // Act
    await bus.publish(Array.from({ length: 12 }, (_, n) => event(n)));

    // Assess
    expect(calls.map((call) => call.Entries.length)).toEqual([10, 2]);
    expect(calls[0]?.Entries[0]).toMatchObject({
      Source: "carechat",
      DetailType: "Case Created",
      EventBusName: "carechat-events",
    });
    expect(JSON.parse(calls[0]?.Entries[0]?.Detail ?? "{}")).toMatchObject({
      caseNumber: "CC-261201-000000",
      version: 1,
    });
  });

  it("throws when EventBridge refuses an entry, so the caller's retry sends it again", async () => {
    // Prepare
    const { eventBridge } = fakeClient((index) => index === 1);
    const bus = new EventBridgeBus(eventBridge, undefined);

    // Act
    const published = bus.publish([event(1), event(2)]);

    // Assess
    await expect(published).rejects.toThrow(/did not accept 1 event/);
  });
});

describe("docs/events", () => {
  it.each(CARE_EVENT_TYPES)("publishes the current JSON Schema of %s (npm run asyncapi)", (type) => {
    // Prepare
    const file = join(root, "docs/events", `${type.toLowerCase().replaceAll(" ", "-")}.schema.json`);

    // Act
    const committed = JSON.parse(readFileSync(file, "utf8"));

    // Assess
    expect(committed).toEqual(eventJsonSchemas()[type]);
  });
});
