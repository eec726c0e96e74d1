import { describe, expect, it } from "vitest";
import { ChatTracker } from "../../../client/src/chat-tracker.ts";
import type { MessageFrame } from "../../../client/src/types.ts";

const message = (seq: number, chatId = "chat-1"): MessageFrame => ({
  type: "message",
  chatId,
  seq,
  from: { role: "customer", id: "c-1" },
  text: `m${seq}`,
  sentAt: "2026-12-01T20:00:00.000Z",
  redacted: false,
});

describe("ChatTracker", () => {
  it("passes over seqs the server closed without a message, releasing what waited behind them", () => {
    // Prepare: 1 delivered, 3 and 5 waiting behind holes at 2 and 4.
    const tracker = new ChatTracker();
    tracker.track("chat-1", 0);
    for (const seq of [1, 3, 5]) tracker.accept(message(seq));

    // Act
    const first = tracker.skip("chat-1", [2]).map((m) => m.seq);
    const second = tracker.skip("chat-1", [4, 1]).map((m) => m.seq);

    // Assess
    expect(first).toEqual([3]);
    expect(second).toEqual([5]);
    expect(tracker.lastSeq("chat-1")).toBe(5);
    expect(tracker.hasGap("chat-1")).toBe(false);
    expect(tracker.accept(message(4))).toEqual([]);
  });

  it("delivers each seq once and in order, holding messages behind a gap until it is filled", () => {
    // Prepare
    const tracker = new ChatTracker();
    tracker.track("chat-1", 0);

    // Act: 1, then 3 and 4 ahead of 2, then a replay of 1..4.
    const delivered = [1, 3, 4, 2, 1, 2, 3, 4].flatMap((seq) =>
      tracker.accept(message(seq)).map((m) => m.seq),
    );

    // Assess
    expect(delivered).toEqual([1, 2, 3, 4]);
    expect(tracker.lastSeq("chat-1")).toBe(4);
    expect(tracker.hasGap("chat-1")).toBe(false);
  });

  it("reports a gap while a later message waits", () => {
    // Prepare
    const tracker = new ChatTracker();
    tracker.track("chat-1", 5);

    // Act
    const delivered = tracker.accept(message(7));

    // Assess
    expect(delivered).toEqual([]);
    expect(tracker.hasGap("chat-1")).toBe(true);
    expect(tracker.lastSeq("chat-1")).toBe(5);
  });

  it("takes the first message of an unknown chat as its start and resumes only chats not ended", () => {
    // Prepare
    const tracker = new ChatTracker();
    tracker.track("ended", 3, "ended");

    // Act
    const delivered = tracker.accept(message(9, "new"));

    // Assess
    expect(delivered.map((m) => m.seq)).toEqual([9]);
    expect(tracker.resumable()).toEqual([{ chatId: "new", lastSeq: 9 }]);
  });
});
