import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { countConsumedCapacity } from "../../../../bench/cost/consumed-capacity.ts";

type Middleware = (
  next: (args: { input: Record<string, unknown> }) => Promise<{ output: unknown }>,
  context: { commandName?: string },
) => (args: { input: Record<string, unknown> }) => Promise<{ output: unknown }>;

/** A stand-in for the client's middleware stack: this is a unit test of the middleware's own logic. */
function fakeClient() {
  const added: Middleware[] = [];
  const client = { middlewareStack: { add: (middleware: Middleware) => added.push(middleware) } };
  const send = async (commandName: string, output: unknown) => {
    const input: Record<string, unknown> = {};
    await added[0]?.(async () => ({ output }), { commandName })({ input });
    return input;
  };
  return { client: client as unknown as DynamoDBDocumentClient, send };
}

describe("countConsumedCapacity", () => {
  it("asks for TOTAL on data-plane calls and files units as read or write by operation", async () => {
    // Prepare
    const { client, send } = fakeClient();
    const meter = countConsumedCapacity(client);

    // Act
    const getInput = await send("GetItemCommand", { ConsumedCapacity: { CapacityUnits: 0.5 } });
    await send("QueryCommand", { ConsumedCapacity: { CapacityUnits: 1.5 } });
    await send("TransactWriteItemsCommand", {
      ConsumedCapacity: [{ CapacityUnits: 4 }, { CapacityUnits: 2 }],
    });
    await send("UpdateCommand", {}); // lib-dynamodb's name for UpdateItem
    const describeInput = await send("DescribeTableCommand", {});

    // Assess
    expect(getInput.ReturnConsumedCapacity).toBe("TOTAL");
    expect(describeInput.ReturnConsumedCapacity).toBeUndefined();
    const tally = meter.tally();
    expect(tally.readUnits).toBe(2);
    expect(tally.writeUnits).toBe(6);
    expect(tally.calls.UpdateItem).toEqual({ count: 1, units: 0, withoutCapacity: 1 });
    expect(tally.calls.TransactWriteItems).toEqual({ count: 1, units: 6, withoutCapacity: 0 });
  });

  it("starts again from zero after reset", async () => {
    // Prepare
    const { client, send } = fakeClient();
    const meter = countConsumedCapacity(client);
    await send("PutCommand", { ConsumedCapacity: { CapacityUnits: 1 } });

    // Act
    meter.reset();

    // Assess
    expect(meter.tally()).toEqual({ readUnits: 0, writeUnits: 0, calls: {} });
  });
});
