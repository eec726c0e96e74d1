import { describe, expect, it } from "vitest";
import { StepFunctionsError } from "../../../local/step-functions-error.ts";
import { TaskTokens } from "../../../local/task-tokens.ts";

/** Starts a wait and hands back its token and its outcome. */
async function startWait(tokens: TaskTokens, timeoutSeconds?: number) {
  let token = "";
  const outcome = tokens
    .wait(
      "arn:execution",
      "AwaitAnswer",
      async (given) => {
        token = given;
      },
      timeoutSeconds,
    )
    .then(
      (output) => ({ output }),
      (error: Error) => ({ error }),
    );
  await Promise.resolve();
  return { token, outcome };
}

const errorTypeOf = (call: () => unknown) => {
  try {
    call();
    return "none";
  } catch (error) {
    return error instanceof StepFunctionsError ? error.type : String(error);
  }
};

describe("TaskTokens", () => {
  it("fails a wait past its timeout with States.Timeout, and answers its token TaskTimedOut as AWS does", async () => {
    // Prepare
    const tokens = new TaskTokens(() => true);
    const { token, outcome } = await startWait(tokens, 0.02);

    // Act
    const { error } = (await outcome) as { error: Error };
    const success = errorTypeOf(() => tokens.succeed({ taskToken: token, output: "{}" }));
    const failure = errorTypeOf(() => tokens.fail({ taskToken: token, error: "Declined" }));
    const heartbeat = errorTypeOf(() => tokens.heartbeat({ taskToken: token }));

    // Assess
    expect(error.name).toBe("States.Timeout");
    expect([success, failure, heartbeat]).toEqual(["TaskTimedOut", "TaskTimedOut", "TaskTimedOut"]);
  });

  it("resolves a wait answered in time, and refuses a second answer as TaskDoesNotExist", async () => {
    // Prepare
    const tokens = new TaskTokens(() => true);
    const { token, outcome } = await startWait(tokens, 5);

    // Act
    const first = errorTypeOf(() => tokens.succeed({ taskToken: token, output: '{"outcome":"accepted"}' }));
    const second = errorTypeOf(() => tokens.succeed({ taskToken: token, output: "{}" }));

    // Assess
    expect(first).toBe("none");
    expect(await outcome).toEqual({ output: { outcome: "accepted" } });
    expect(second).toBe("TaskDoesNotExist");
  });

  it("answers the token of an execution that has ended TaskDoesNotExist", async () => {
    // Prepare
    let running = true;
    const tokens = new TaskTokens(() => running);
    const { token } = await startWait(tokens);

    // Act
    running = false;
    const answer = errorTypeOf(() => tokens.succeed({ taskToken: token, output: "{}" }));

    // Assess
    expect(answer).toBe("TaskDoesNotExist");
  });
});
