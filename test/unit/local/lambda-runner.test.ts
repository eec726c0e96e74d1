import { describe, expect, it } from "vitest";
import { type Invocation, type LambdaHandler, LambdaRunner } from "../../../local/lambda-runner.ts";

/** A handler that throws its first `failures` times, counting every call. */
function flaky(failures: number) {
  const calls = { count: 0 };
  const handler: LambdaHandler = async () => {
    calls.count += 1;
    if (calls.count <= failures) throw new Error(`attempt ${calls.count} failed`);
    return "done";
  };
  return { calls, handler };
}

describe("LambdaRunner.invokeAsync", () => {
  it("runs a failed asynchronous invocation again after each pause, until it succeeds", async () => {
    // Prepare
    const runner = new LambdaRunner([1, 1]);
    const { calls, handler } = flaky(2);
    const seen: Invocation[] = [];
    runner.onInvocation((invocation) => seen.push(invocation));

    // Act
    await runner.invokeAsync("upload-received", handler, {});

    // Assess
    expect(calls.count).toBe(3);
    expect(seen.map((invocation) => invocation.failed)).toEqual([true, true, false]);
  });

  it("gives up after the last pause, as Lambda does after two retries, and never throws", async () => {
    // Prepare
    const runner = new LambdaRunner([1, 1]);
    const { calls, handler } = flaky(10);

    // Act
    const settled = runner.invokeAsync("upload-received", handler, {});

    // Assess
    await expect(settled).resolves.toBeUndefined();
    expect(calls.count).toBe(3);
  });
});
