import { afterEach, describe, expect, it, vi } from "vitest";
import { Admission, AdmissionRefused, actionLimits } from "../../../local/admission.ts";
import { failedInvocationReply } from "../../../local/gateway-replies.ts";

/** Work that finishes when the test says so. */
function gate() {
  let open: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { done, open: () => open() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Admission", () => {
  it("runs up to the concurrency limit at once and queues the rest in order", async () => {
    // Prepare
    const admission = new Admission("actions", { concurrency: 2, queue: 5, maxWaitMs: 10_000 });
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];

    // Act
    const runs = gates.map((g, index) =>
      admission.run(async () => {
        started.push(index);
        await g.done;
        return index;
      }),
    );
    await Promise.resolve();
    const whileFull = [...started];
    const countsWhileFull = admission.counts;
    gates[1]?.open();
    await runs[1];
    await Promise.resolve();
    const afterOne = [...started];
    for (const g of gates) g.open();

    // Assess
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(whileFull).toEqual([0, 1]);
    expect(countsWhileFull).toMatchObject({ running: 2, waiting: 2 });
    expect(afterOne).toEqual([0, 1, 2]);
    expect(admission.counts).toMatchObject({
      admitted: 4,
      refused: 0,
      running: 0,
      waiting: 0,
      peakWaiting: 2,
    });
  });

  it("refuses at once when the queue is full, without running the work", async () => {
    // Prepare
    const admission = new Admission("actions", { concurrency: 1, queue: 1, maxWaitMs: 10_000 });
    const busy = gate();
    const first = admission.run(() => busy.done);
    const second = admission.run(async () => "second");
    const work = vi.fn(async () => "third");

    // Act
    const third = admission.run(work);

    // Assess
    await expect(third).rejects.toMatchObject({
      name: "AdmissionRefused",
      reason: "queue-full",
      retryAfterSeconds: 1,
    });
    expect(work).not.toHaveBeenCalled();
    busy.open();
    await first;
    expect(await second).toBe("second");
    expect(admission.counts).toMatchObject({ admitted: 2, refused: 1 });
  });

  it("refuses a queued invocation that waited longer than maxWaitMs, and the queue moves on", async () => {
    // Prepare
    vi.useFakeTimers();
    const admission = new Admission("actions", { concurrency: 1, queue: 10, maxWaitMs: 500 });
    const busy = gate();
    const first = admission.run(() => busy.done);
    const late = vi.fn(async () => "late");
    const waiting = admission.run(late);
    const refusal = waiting.catch((error: unknown) => error);

    // Act
    await vi.advanceTimersByTimeAsync(501);
    busy.open();
    await first;
    const after = await admission.run(async () => "after");

    // Assess
    expect(await refusal).toBeInstanceOf(AdmissionRefused);
    expect(await refusal).toMatchObject({ reason: "waited-too-long" });
    expect(late).not.toHaveBeenCalled();
    expect(after).toBe("after");
    expect(admission.counts).toMatchObject({ running: 0, waiting: 0, refused: 1 });
  });

  it("frees the slot when the work throws", async () => {
    // Prepare
    const admission = new Admission("actions", { concurrency: 1, queue: 0, maxWaitMs: 0 });

    // Act
    const failed = admission.run(async () => {
      throw new Error("boom");
    });

    // Assess
    await expect(failed).rejects.toThrow("boom");
    expect(await admission.run(async () => "next")).toBe("next");
  });

  it("rejects limits that are not whole numbers, and reads them from the environment", () => {
    expect(() => new Admission("actions", { concurrency: 0, queue: 1, maxWaitMs: 1 })).toThrow(/concurrency/);
    expect(() => new Admission("actions", { concurrency: 1, queue: 1.5, maxWaitMs: 1 })).toThrow(/queue/);
    expect(
      actionLimits({
        CARECHAT_ACTIONS_CONCURRENCY: "4",
        CARECHAT_ACTIONS_QUEUE: "0",
        CARECHAT_ACTIONS_QUEUE_WAIT_MS: "250",
      }),
    ).toEqual({ concurrency: 4, queue: 0, maxWaitMs: 250 });
    expect(() => actionLimits({ CARECHAT_ACTIONS_QUEUE: "many" })).toThrow(/CARECHAT_ACTIONS_QUEUE/);
  });
});

describe("failedInvocationReply", () => {
  it("answers a refused frame with RATE_LIMITED, its requestId and retryAfterSeconds", () => {
    const reply = failedInvocationReply(
      new AdmissionRefused("actions", 1, "queue-full"),
      JSON.stringify({ action: "sendMessage", requestId: "r-7" }),
      "conn",
      "gw-request",
    );
    expect(JSON.parse(reply)).toEqual({
      type: "error",
      requestId: "r-7",
      code: "RATE_LIMITED",
      message: expect.any(String),
      retryAfterSeconds: 1,
    });
  });

  it("answers a crash as API Gateway does, and a refused frame that is not JSON without a requestId", () => {
    expect(JSON.parse(failedInvocationReply(new Error("x"), "{}", "conn", "gw"))).toEqual({
      message: "Internal server error",
      connectionId: "conn",
      requestId: "gw",
    });
    const reply = JSON.parse(
      failedInvocationReply(new AdmissionRefused("actions", 1, "queue-full"), "not json", "c", "g"),
    );
    expect(reply).toMatchObject({ code: "RATE_LIMITED" });
    expect(reply.requestId).toBeUndefined();
  });
});
