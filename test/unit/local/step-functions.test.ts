import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Invocation, type LambdaHandler, LambdaRunner } from "../../../local/lambda-runner.ts";
import { LocalStepFunctions, StepFunctionsError, stateMachineArn } from "../../../local/step-functions.ts";

/** `${Name}`, as infra's definition substitutions and the local runtime read it. */
const placeholder = (name: string) => `\${${name}}`;

/** Small workflows in the shape of state-machines/: Tasks whose Resource is a `${Placeholder}`. */
const MACHINES: Record<string, unknown> = {
  double: {
    StartAt: "Double",
    States: {
      Double: {
        Type: "Task",
        Resource: placeholder("DoubleFn"),
        Parameters: { "value.$": "$.value", step: "double" },
        ResultPath: "$.result",
        Next: "Done",
      },
      Done: { Type: "Succeed" },
    },
  },
  explode: {
    StartAt: "Explode",
    States: { Explode: { Type: "Task", Resource: placeholder("BoomFn"), End: true } },
  },
  guarded: {
    StartAt: "Explode",
    States: {
      Explode: {
        Type: "Task",
        Resource: placeholder("BoomFn"),
        Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Recovered" }],
        End: true,
      },
      Recovered: { Type: "Pass", Result: "recovered", ResultPath: "$.outcome", End: true },
    },
  },
  "guarded-fail": {
    StartAt: "Explode",
    States: {
      Explode: {
        Type: "Task",
        Resource: placeholder("BoomFn"),
        Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Failed" }],
        End: true,
      },
      Failed: { Type: "Fail", Error: "ChatClosureFailed", Cause: "A closure step failed after its retries." },
    },
  },
  flaky: {
    StartAt: "Flaky",
    States: {
      Flaky: {
        Type: "Task",
        Resource: placeholder("FlakyFn"),
        Retry: [{ ErrorEquals: ["States.TaskFailed"], IntervalSeconds: 1, MaxAttempts: 2 }],
        End: true,
      },
    },
  },
  gate: {
    StartAt: "Wait",
    States: { Wait: { Type: "Task", Resource: placeholder("GateFn"), End: true } },
  },
};

let directory: string;
let stepFunctions: LocalStepFunctions;
const runner = new LambdaRunner();
const invocations: Invocation[] = [];
let flakyCalls = 0;
const gates: (() => void)[] = [];

const handlers: Record<string, LambdaHandler> = {
  DoubleFn: async (event: never) => {
    const { value, step } = event as { value: number; step: string };
    return { doubled: value * 2, step };
  },
  BoomFn: async () => {
    throw Object.assign(new Error("The case number is taken."), { name: "CaseNumberTaken" });
  },
  FlakyFn: async () => {
    flakyCalls += 1;
    if (flakyCalls === 1) throw new Error("Throttled, try again.");
    return { attempts: flakyCalls };
  },
  GateFn: (event: never) => new Promise((resolve) => gates.push(() => resolve({ released: event }))),
};

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "carechat-sfn-"));
  for (const [name, definition] of Object.entries(MACHINES))
    writeFileSync(join(directory, `${name}.asl.json`), JSON.stringify(definition));
  writeFileSync(join(directory, "README.md"), "Not a state machine.");
  runner.onInvocation((invocation) => invocations.push(invocation));
  stepFunctions = new LocalStepFunctions(directory, handlers, runner);
});

afterEach(() => {
  for (const release of gates.splice(0)) release();
});

afterAll(async () => {
  await stepFunctions.drain();
  rmSync(directory, { recursive: true, force: true });
});

/** Polls DescribeExecution, as a client would, until the execution stops. */
async function untilStopped(executionArn: string) {
  for (let attempt = 0; attempt < 2_000; attempt++) {
    const description = stepFunctions.describeExecution({ executionArn });
    if (description.status !== "RUNNING") return description;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${executionArn} is still running.`);
}

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("LocalStepFunctions", () => {
  it("runs a placeholder Task on its local handler and succeeds with the output", async () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("double"), name: "double-1", input: '{"value":21}' };

    // Act
    const { executionArn } = stepFunctions.startExecution(request);
    const description = await untilStopped(executionArn);

    // Assess
    expect(executionArn).toBe("arn:aws:states:us-east-1:000000000000:execution:double:double-1");
    expect(description.status).toBe("SUCCEEDED");
    expect(JSON.parse(description.output ?? "null")).toEqual({
      value: 21,
      result: { doubled: 42, step: "double" },
    });
    expect(description.input).toBe('{"value":21}');
    expect(description.stopDate).toBeInstanceOf(Date);
  });

  it("invokes the handler through the LambdaRunner, labelled with the state", async () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("double"), name: "double-2", input: '{"value":1}' };

    // Act
    const { executionArn } = stepFunctions.startExecution(request);
    await untilStopped(executionArn);

    // Assess
    expect(invocations).toContainEqual(
      expect.objectContaining({ functionName: "DoubleFn", label: "Double", failed: false }),
    );
  });

  it("answers the same name and input with the same execution while it runs", async () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("gate"), name: "gate-1", input: '{"chatId":"c1"}' };
    const first = stepFunctions.startExecution(request);

    // Act
    const second = stepFunctions.startExecution(request);

    // Assess
    expect(second.executionArn).toBe(first.executionArn);
    expect(second.startDate).toEqual(first.startDate);
    expect(
      stepFunctions.listExecutions({ stateMachineArn: stateMachineArn("gate") }).executions,
    ).toHaveLength(1);
  });

  it("refuses the same name with another input with ExecutionAlreadyExists", async () => {
    // Prepare
    const machine = stateMachineArn("double");
    const { executionArn } = stepFunctions.startExecution({
      stateMachineArn: machine,
      name: "dup",
      input: '{"value":2}',
    });
    await untilStopped(executionArn);

    // Act
    const error = thrownBy(() =>
      stepFunctions.startExecution({ stateMachineArn: machine, name: "dup", input: '{"value":3}' }),
    );

    // Assess
    expect(error).toBeInstanceOf(StepFunctionsError);
    expect((error as StepFunctionsError).type).toBe("ExecutionAlreadyExists");
  });

  it("gives executions without a name a unique one", async () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("double"), input: '{"value":5}' };

    // Act
    const first = stepFunctions.startExecution(request);
    const second = stepFunctions.startExecution(request);
    await Promise.all([untilStopped(first.executionArn), untilStopped(second.executionArn)]);

    // Assess
    expect(first.executionArn).not.toBe(second.executionArn);
  });

  it("fails the execution when a Task without Catch throws", async () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("explode"), name: "explode-1" };

    // Act
    const { executionArn } = stepFunctions.startExecution(request);
    const description = await untilStopped(executionArn);

    // Assess
    expect(description.status).toBe("FAILED");
    expect(description.output).toBeUndefined();
    expect(invocations).toContainEqual(expect.objectContaining({ functionName: "BoomFn", failed: true }));
  });

  it("reports the failing Task's error name, as DescribeExecution does on AWS", async () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("explode"), name: "explode-2" };

    // Act
    const { executionArn } = stepFunctions.startExecution(request);
    const description = await untilStopped(executionArn);

    // Assess
    expect(description.error).toBe("CaseNumberTaken");
  });

  it("reports a Fail state's Error and Cause, as DescribeExecution does on AWS", async () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("guarded-fail"), name: "guarded-fail-1" };

    // Act
    const { executionArn } = stepFunctions.startExecution(request);
    const description = await untilStopped(executionArn);

    // Assess
    expect(description).toMatchObject({
      status: "FAILED",
      error: "ChatClosureFailed",
      cause: "A closure step failed after its retries.",
    });
  });

  it("takes the Catch path when a Task with a Catch throws", async () => {
    // Prepare
    const request = {
      stateMachineArn: stateMachineArn("guarded"),
      name: "guarded-1",
      input: '{"chatId":"c2"}',
    };

    // Act
    const { executionArn } = stepFunctions.startExecution(request);
    const description = await untilStopped(executionArn);

    // Assess
    expect(description.status).toBe("SUCCEEDED");
    const output = JSON.parse(description.output ?? "null") as Record<string, unknown>;
    expect(output).toMatchObject({ chatId: "c2", outcome: "recovered", error: { Error: "CaseNumberTaken" } });
  });

  it("retries a Task that failed once and then succeeds", async () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("flaky"), name: "flaky-1" };

    // Act
    const { executionArn } = stepFunctions.startExecution(request);
    const description = await untilStopped(executionArn);

    // Assess
    expect(description.status).toBe("SUCCEEDED");
    expect(JSON.parse(description.output ?? "null")).toEqual({ attempts: 2 });
  });

  it("stops a running execution as ABORTED", async () => {
    // Prepare
    const { executionArn } = stepFunctions.startExecution({
      stateMachineArn: stateMachineArn("gate"),
      name: "stop-1",
    });

    // Act
    stepFunctions.stopExecution({ executionArn });
    const description = await untilStopped(executionArn);

    // Assess
    expect(description.status).toBe("ABORTED");
  });

  it("refuses an unknown state machine with StateMachineDoesNotExist", () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("no-such-machine"), name: "x" };

    // Act
    const error = thrownBy(() => stepFunctions.startExecution(request));

    // Assess
    expect(error).toBeInstanceOf(StepFunctionsError);
    expect((error as StepFunctionsError).type).toBe("StateMachineDoesNotExist");
  });

  it("loads only *.asl.json files", () => {
    // Prepare
    const request = { stateMachineArn: stateMachineArn("README") };

    // Act
    const error = thrownBy(() => stepFunctions.startExecution(request));

    // Assess
    expect((error as StepFunctionsError).type).toBe("StateMachineDoesNotExist");
  });

  it("refuses to describe an unknown execution with ExecutionDoesNotExist", () => {
    // Prepare
    const executionArn = "arn:aws:states:us-east-1:000000000000:execution:double:never-started";

    // Act
    const error = thrownBy(() => stepFunctions.describeExecution({ executionArn }));

    // Assess
    expect((error as StepFunctionsError).type).toBe("ExecutionDoesNotExist");
  });

  it("dispatches JSON API operations and refuses unsupported ones", async () => {
    // Prepare
    const body = { stateMachineArn: stateMachineArn("double"), name: "api-1", input: '{"value":4}' };

    // Act
    const started = stepFunctions.handle("StartExecution", body) as { executionArn: string };
    await untilStopped(started.executionArn);
    const described = stepFunctions.handle("DescribeExecution", { executionArn: started.executionArn });
    const error = thrownBy(() => stepFunctions.handle("CreateStateMachine", {}));

    // Assess
    expect(described).toMatchObject({ status: "SUCCEEDED", name: "api-1" });
    expect((error as StepFunctionsError).type).toBe("UnknownOperationException");
  });

  it("refuses a directory whose Task names a placeholder with no local handler", () => {
    // Prepare
    const lonely = mkdtempSync(join(tmpdir(), "carechat-sfn-"));
    writeFileSync(
      join(lonely, "orphan.asl.json"),
      JSON.stringify({
        StartAt: "T",
        States: { T: { Type: "Task", Resource: placeholder("MissingFn"), End: true } },
      }),
    );

    // Act
    const error = thrownBy(() => new LocalStepFunctions(lonely, handlers, runner));
    rmSync(lonely, { recursive: true, force: true });

    // Assess
    expect((error as Error).message).toMatch(/MissingFn/);
  });
});
