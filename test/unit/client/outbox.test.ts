import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CareChatError } from "../../../client/src/errors.ts";
import { Outbox, type OutboxTransport } from "../../../client/src/outbox.ts";
import type { OutgoingMessage, ServerFrame } from "../../../client/src/types.ts";

/** A fake server: answers each send with the next scripted outcome, remembering what it was sent. */
function fakeTransport(outcomes: (CareChatError | "ack")[]) {
  const sent: OutgoingMessage[] = [];
  let seq = 0;
  const transport: OutboxTransport & { isOpen: boolean } = {
    isOpen: true,
    sendMessage: async (message) => {
      sent.push(message);
      const outcome = outcomes.shift() ?? "ack";
      if (outcome !== "ack") throw outcome;
      seq += 1;
      return {
        type: "ack",
        chatId: message.chatId,
        clientMessageId: message.clientMessageId,
        seq,
      } as ServerFrame<"ack">;
    },
  };
  return { transport, sent };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("Outbox", () => {
  it("retries with the same clientMessageId until acknowledged, in the order written", async () => {
    // Prepare
    const { transport, sent } = fakeTransport([
      new CareChatError("TIMEOUT", "no reply"),
      new CareChatError("INTERNAL", "oops"),
    ]);
    const outbox = new Outbox(transport);

    // Act
    const first = outbox.enqueue({ chatId: "c", clientMessageId: "m-1", text: "one" });
    const second = outbox.enqueue({ chatId: "c", clientMessageId: "m-2", text: "two" });
    await vi.runAllTimersAsync();

    // Assess
    expect(sent.map((message) => message.clientMessageId)).toEqual(["m-1", "m-1", "m-1", "m-2"]);
    await expect(first).resolves.toMatchObject({ seq: 1, clientMessageId: "m-1" });
    await expect(second).resolves.toMatchObject({ seq: 2, clientMessageId: "m-2" });
    expect(outbox.pending).toEqual([]);
  });

  it("waits retryAfterSeconds after RATE_LIMITED before sending again", async () => {
    // Prepare
    const { transport, sent } = fakeTransport([
      new CareChatError("RATE_LIMITED", "slow down", { retryAfterSeconds: 3 }),
    ]);
    const outbox = new Outbox(transport);

    // Act
    const ack = outbox.enqueue({ chatId: "c", clientMessageId: "m-1", text: "one" });
    await vi.advanceTimersByTimeAsync(2_900);
    const beforeWait = sent.length;
    await vi.advanceTimersByTimeAsync(200);

    // Assess
    expect(beforeWait).toBe(1);
    expect(sent).toHaveLength(2);
    await expect(ack).resolves.toMatchObject({ seq: 1 });
  });

  it("holds messages while disconnected and sends them on flush after a reconnect", async () => {
    // Prepare
    const { transport, sent } = fakeTransport([new CareChatError("CLOSED", "gone")]);
    const outbox = new Outbox(transport);
    const ack = outbox.enqueue({ chatId: "c", clientMessageId: "m-1", text: "one" });
    await vi.runAllTimersAsync();
    transport.isOpen = false;

    // Act
    outbox.enqueue({ chatId: "c", clientMessageId: "m-2", text: "two" }).catch(() => undefined);
    await vi.runAllTimersAsync();
    const whileClosed = sent.length;
    transport.isOpen = true;
    outbox.flush();
    await vi.runAllTimersAsync();

    // Assess
    expect(whileClosed).toBe(2);
    expect(sent.map((message) => message.clientMessageId)).toEqual(["m-1", "m-1", "m-2"]);
    await expect(ack).resolves.toMatchObject({ seq: 1 });
  });

  it("rejects a message refused for good and sends the next one", async () => {
    // Prepare
    const { transport } = fakeTransport([new CareChatError("CHAT_CLOSED", "ended")]);
    const outbox = new Outbox(transport);

    // Act
    const refused = outbox
      .enqueue({ chatId: "c", clientMessageId: "m-1", text: "one" })
      .catch((error) => error);
    const next = outbox.enqueue({ chatId: "d", clientMessageId: "m-2", text: "two" });
    await vi.runAllTimersAsync();

    // Assess
    expect(await refused).toMatchObject({ name: "CareChatError", code: "CHAT_CLOSED" });
    await expect(next).resolves.toMatchObject({ chatId: "d" });
  });
});
