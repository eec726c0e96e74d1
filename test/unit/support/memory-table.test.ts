import { describe, expect, it } from "vitest";
import { chatRecord, queueEntry } from "./fixtures.ts";
import { inMemoryWorld } from "./in-memory-ports.ts";

/** The fakes must be as strict as the real table, or the use-case tests prove nothing. */
describe("the in-memory table", () => {
  it("applies a transaction all or nothing", async () => {
    // Prepare
    const world = inMemoryWorld();
    world.seedChat(chatRecord());
    const entry = queueEntry();

    // Act
    const committed = await world.ports.transactions.commit([
      world.ports.queues.putItem(entry),
      world.ports.chats.updateItem("chat-1", { set: [["state", "queued"]], fromStates: ["assigned"] }),
    ]);

    // Assess
    expect(committed).toBe(false);
    expect(await world.ports.queues.list("general")).toEqual([]);
    expect((await world.ports.chats.get("chat-1"))?.state).toBe("assistant");
  });

  it("checks every condition against the state before the transaction", async () => {
    // Prepare
    const world = inMemoryWorld();
    const entry = queueEntry();

    // Act: a put and a delete of one new entry; the delete's condition sees the table as it was.
    const committed = await world.ports.transactions.commit([
      world.ports.queues.putItem(entry),
      world.ports.queues.deleteItem(entry),
    ]);

    // Assess
    expect(committed).toBe(false);
    expect(await world.ports.queues.list("general")).toEqual([]);
  });

  it("refuses an item that no in-memory store built", async () => {
    // Prepare
    const world = inMemoryWorld();
    const foreign = { Delete: { TableName: "carechat", Key: { pk: "CHAT#chat-1", sk: "META" } } };

    // Act
    const committed = world.ports.transactions.commit([foreign]);

    // Assess
    await expect(committed).rejects.toThrow(/not built by an in-memory store/);
  });

  it("hands out copies: changing what was read changes nothing stored", async () => {
    // Prepare
    const world = inMemoryWorld();
    world.seedChat(chatRecord());
    const read = await world.ports.chats.get("chat-1");

    // Act
    if (read) (read.participants as Record<string, unknown>).intruder = { role: "agent" };

    // Assess
    expect(Object.keys((await world.ports.chats.get("chat-1"))?.participants ?? {})).toEqual(["customer-1"]);
  });
});
