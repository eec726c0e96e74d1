import { describe, expect, it } from "vitest";
import { remindOrOverflow } from "../../../../functions/lib/handoff/fraud-reminder.ts";
import { queueTimers } from "../../../../functions/lib/handoff/queue-timers.ts";
import { customer, queuedChat, queueEntry } from "../../support/fixtures.ts";
import { inMemoryWorld, testRouting } from "../../support/in-memory-ports.ts";

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

/** A fraud chat waiting in `general` since `waited` seconds, its reminder due `remindIn` seconds from now. */
function waitingFraudChat(waited: number, remindIn: number | undefined) {
  const world = inMemoryWorld();
  const caller = world.connect(customer);
  const entry = queueEntry({
    enqueuedAt: ago(waited),
    queuedAt: ago(waited),
    context: { ...queueEntry().context, topic: "fraud" },
    ...(remindIn === undefined ? {} : { remindAt: ago(-remindIn) }),
  });
  world.seedEntry(entry);
  world.seedChat(queuedChat(entry), [caller]);
  const ref = { chatId: entry.chatId, queueId: entry.queueId, sk: entry.sk };
  return { world, entry, ref };
}

const reminders = async (world: ReturnType<typeof inMemoryWorld>) =>
  (await world.ports.chats.listAllMessages("chat-1")).filter((message) =>
    message.text.startsWith("You're still waiting"),
  );

describe("remindOrOverflow", () => {
  it("reminds a fraud chat whose reminder is due, once, and keeps it waiting in its queue", async () => {
    // Prepare
    const { world, entry, ref } = waitingFraudChat(130, -10);

    // Act
    const first = await remindOrOverflow(world.ports, ref);
    const second = await remindOrOverflow(world.ports, ref);

    // Assess
    const sent = await reminders(world);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ from: { role: "system" } });
    expect(sent[0]?.text).toContain(testRouting.defaultContactNumber);
    expect(first).toMatchObject({ status: "waiting", queueId: "general", sk: entry.sk });
    expect(second).toMatchObject({ status: "waiting" });
    expect((await world.ports.queues.get(ref.queueId, ref.sk))?.remindAt).toBeUndefined();
    expect((await world.ports.chats.get("chat-1"))?.fraudRemindedAt).toEqual(expect.any(String));
  });

  it("does not overflow early when it woke for a reminder that is not due yet", async () => {
    // Prepare
    const { world, ref } = waitingFraudChat(10, 30);

    // Act
    const next = await remindOrOverflow(world.ports, ref);

    // Assess
    expect(next).toMatchObject({ status: "waiting" });
    expect(await reminders(world)).toHaveLength(0);
  });

  it("goes on to the queue's limit when that has passed too", async () => {
    // Prepare
    const { world, ref } = waitingFraudChat(4_000, undefined);

    // Act
    const next = await remindOrOverflow(world.ports, ref);

    // Assess
    expect(next).toMatchObject({ status: "noOverflow", queueId: "general" });
  });

  it("sends nothing for a chat that is no longer queued", async () => {
    // Prepare
    const { world, entry, ref } = waitingFraudChat(130, -10);
    world.seedChat(queuedChat(entry, { state: "assistant" }));

    // Act
    await remindOrOverflow(world.ports, ref);

    // Assess
    expect(await reminders(world)).toHaveLength(0);
  });
});

describe("queueTimers with a pending reminder", () => {
  it("wakes the wait at the reminder when it comes before the queue's limit", () => {
    // Prepare
    const queuedAt = ago(0);

    // Act
    const soon = queueTimers({ routing: testRouting }, "general", queuedAt, ago(-5));
    const none = queueTimers({ routing: testRouting }, "general", queuedAt);
    const past = queueTimers({ routing: testRouting }, "general", queuedAt, ago(5));

    // Assess
    expect(soon.overflowInSeconds).toBe(5);
    expect(none.overflowInSeconds).toBe(3_600);
    expect(past.overflowInSeconds).toBe(1);
  });
});
