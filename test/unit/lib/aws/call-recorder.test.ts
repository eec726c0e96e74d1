import { describe, expect, it } from "vitest";
import {
  type RecordedCall,
  recordCalls,
  sequentialDepth,
  startCall,
} from "../../../../functions/lib/aws/call-recorder.ts";

const call = (command: string, startedAt: number, endedAt: number): RecordedCall => ({
  command,
  startedAt,
  endedAt,
});

/** Lets other queued tasks run, so that calls started in parallel really interleave. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function fakeSdkCall(command: string): Promise<string> {
  const recorded = startCall(command);
  await nextTurn();
  if (recorded) recorded.endedAt = performance.now();
  return command;
}

describe("sequentialDepth", () => {
  it("is 0 when no call was made", () => {
    // Prepare
    const calls: RecordedCall[] = [];

    // Act
    const depth = sequentialDepth(calls);

    // Assess
    expect(depth).toBe(0);
  });

  it("is 1 for a single call", () => {
    // Prepare
    const calls = [call("GetItem", 10, 20)];

    // Act
    const depth = sequentialDepth(calls);

    // Assess
    expect(depth).toBe(1);
  });

  it("counts calls that all overlap as one wave", () => {
    // Prepare
    const calls = [call("GetItem", 0, 30), call("Query", 1, 10), call("PostToConnection", 2, 40)];

    // Act
    const depth = sequentialDepth(calls);

    // Assess
    expect(depth).toBe(1);
  });

  it("counts calls made one after another as one wave each", () => {
    // Prepare
    const calls = [call("GetItem", 0, 10), call("PutItem", 11, 20), call("UpdateItem", 21, 30)];

    // Act
    const depth = sequentialDepth(calls);

    // Assess
    expect(depth).toBe(3);
  });

  it("does not depend on the order in which calls were recorded", () => {
    // Prepare
    const calls = [call("UpdateItem", 21, 30), call("GetItem", 0, 10), call("PutItem", 11, 20)];

    // Act
    const depth = sequentialDepth(calls);

    // Assess
    expect(depth).toBe(3);
  });

  it("starts a new wave for a call that starts exactly when the latest one ends", () => {
    // Prepare
    const calls = [call("GetItem", 0, 10), call("PutItem", 10, 20)];

    // Act
    const depth = sequentialDepth(calls);

    // Assess
    expect(depth).toBe(2);
  });

  it("keeps a wave open while any earlier call of it is still running", () => {
    // Prepare: a long call overlaps a short chain, so the chain's second call joins the first wave.
    const calls = [
      call("Query", 0, 100),
      call("GetItem", 5, 10),
      call("PutItem", 20, 30),
      call("Send", 100, 110),
    ];

    // Act
    const depth = sequentialDepth(calls);

    // Assess
    expect(depth).toBe(2);
  });

  it("counts two parallel chains of two calls as two waves", () => {
    // Prepare: chain A (0-10, 10-20) and chain B (1-9, 12-25) run side by side.
    const calls = [call("A1", 0, 10), call("B1", 1, 9), call("A2", 10, 20), call("B2", 12, 25)];

    // Act
    const depth = sequentialDepth(calls);

    // Assess
    expect(depth).toBe(2);
  });

  it("treats a call that has not ended yet (endedAt NaN) as still running", () => {
    // Prepare: startCall leaves endedAt NaN until the SDK call settles.
    const calls = [call("GetItem", 0, 10), call("PostToConnection", 11, Number.NaN), call("PutItem", 50, 60)];

    // Act
    const depth = sequentialDepth(calls);

    // Assess
    expect(depth).toBe(2);
  });

  it("does not reorder or change the calls it is given", () => {
    // Prepare
    const calls = [call("B", 5, 6), call("A", 0, 1)];
    const before = structuredClone(calls);

    // Act
    sequentialDepth(calls);

    // Assess
    expect(calls).toEqual(before);
  });
});

describe("startCall and recordCalls", () => {
  it("records nothing outside a recording scope", () => {
    // Prepare
    const command = "GetItem";

    // Act
    const recorded = startCall(command);

    // Assess
    expect(recorded).toBeUndefined();
  });

  it("records a call made inside the scope, with its start time and a pending end", async () => {
    // Prepare
    const calls: RecordedCall[] = [];

    // Act
    const recorded = await recordCalls(calls, async () => startCall("GetItem"));

    // Assess
    expect(calls).toHaveLength(1);
    expect(recorded).toBe(calls[0]);
    expect(calls[0]?.command).toBe("GetItem");
    expect(Number.isFinite(calls[0]?.startedAt)).toBe(true);
    expect(calls[0]?.endedAt).toBeNaN();
  });

  it("returns what the scoped function returns", async () => {
    // Prepare
    const calls: RecordedCall[] = [];

    // Act
    const result = await recordCalls(calls, async () => "done");

    // Assess
    expect(result).toBe("done");
  });

  it("keeps recording across awaits inside the scope", async () => {
    // Prepare
    const calls: RecordedCall[] = [];

    // Act
    await recordCalls(calls, async () => {
      await fakeSdkCall("GetItem");
      await fakeSdkCall("PutItem");
    });

    // Assess
    expect(calls.map((recorded) => recorded.command)).toEqual(["GetItem", "PutItem"]);
    expect(sequentialDepth(calls)).toBe(2);
  });

  it("records parallel calls made with Promise.all as one wave", async () => {
    // Prepare
    const calls: RecordedCall[] = [];

    // Act
    await recordCalls(calls, () =>
      Promise.all([fakeSdkCall("GetItem"), fakeSdkCall("Query"), fakeSdkCall("PostToConnection")]),
    );

    // Assess
    expect(calls.map((recorded) => recorded.command).sort()).toEqual([
      "GetItem",
      "PostToConnection",
      "Query",
    ]);
    expect(sequentialDepth(calls)).toBe(1);
  });

  it("stops recording once the scope has ended", async () => {
    // Prepare
    const calls: RecordedCall[] = [];
    await recordCalls(calls, () => fakeSdkCall("GetItem"));

    // Act
    const after = startCall("PutItem");

    // Assess
    expect(after).toBeUndefined();
    expect(calls.map((recorded) => recorded.command)).toEqual(["GetItem"]);
  });

  it("keeps concurrent scopes apart", async () => {
    // Prepare
    const first: RecordedCall[] = [];
    const second: RecordedCall[] = [];

    // Act
    await Promise.all([
      recordCalls(first, async () => {
        await fakeSdkCall("GetItem");
        await fakeSdkCall("PutItem");
      }),
      recordCalls(second, () => fakeSdkCall("Query")),
    ]);

    // Assess
    expect(first.map((recorded) => recorded.command)).toEqual(["GetItem", "PutItem"]);
    expect(second.map((recorded) => recorded.command)).toEqual(["Query"]);
  });

  it("records a nested scope's calls only in the nested scope", async () => {
    // Prepare
    const outer: RecordedCall[] = [];
    const inner: RecordedCall[] = [];

    // Act
    await recordCalls(outer, async () => {
      await fakeSdkCall("GetItem");
      await recordCalls(inner, () => fakeSdkCall("Query"));
      await fakeSdkCall("PutItem");
    });

    // Assess
    expect(outer.map((recorded) => recorded.command)).toEqual(["GetItem", "PutItem"]);
    expect(inner.map((recorded) => recorded.command)).toEqual(["Query"]);
  });
});
