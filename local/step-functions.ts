import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { StateMachine, type StateMachineDefinition } from "aws-local-stepfunctions";

import { adaptTimeoutPaths } from "./asl-adapter.ts";
import { type HistoryEvent, recordHistory } from "./execution-history.ts";
import type { LambdaHandler, LambdaRunner } from "./lambda-runner.ts";
import { StepFunctionsError } from "./step-functions-error.ts";
import { bindTaskHandlers } from "./task-bindings.ts";
import { type JSONValue, replaceToken, TaskTokens, TOKEN_PLACEHOLDER } from "./task-tokens.ts";

export { StepFunctionsError };

const ACCOUNT = "000000000000";
const REGION = "us-east-1";

export const stateMachineArn = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;

interface Execution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: Date;
  status: "RUNNING" | "SUCCEEDED" | "FAILED" | "ABORTED";
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  abort?: () => void;
  readonly events: HistoryEvent[];
}

/**
 * Runs the ASL files in `state-machines/` on aws-local-stepfunctions behind the Step Functions
 * JSON API, so the handlers' @aws-sdk/client-sfn calls work unchanged. A Task whose Resource is a
 * `${Placeholder}` (the CDK definition substitution) runs the local handler registered for it.
 */
export class LocalStepFunctions {
  private readonly machines = new Map<
    string,
    {
      name: string;
      definition: StateMachineDefinition;
      handlers: Record<string, (input: JSONValue) => Promise<JSONValue>>;
    }
  >();
  private readonly executions = new Map<string, Execution>();
  private readonly tokens = new TaskTokens((arn) => this.executions.get(arn)?.status === "RUNNING");
  private currentExecution = "";

  constructor(
    directory: string,
    private readonly tasks: Record<string, LambdaHandler>,
    private readonly runner: LambdaRunner,
  ) {
    for (const file of readdirSync(directory).filter((name) => name.endsWith(".asl.json"))) {
      const name = basename(file, ".asl.json");
      this.load(name, readFileSync(join(directory, file), "utf8"));
    }
  }

  private load(name: string, source: string) {
    const handlers = bindTaskHandlers(source, {
      tasks: this.tasks,
      runner: this.runner,
      waitForTaskToken: (fn, handler, input, stateName) =>
        this.waitForTaskToken(fn, handler, input, stateName),
    });
    const resolved = adaptTimeoutPaths(
      JSON.parse(
        source.replace(
          /\$\{(\w+)\}/g,
          (_match, placeholder: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${placeholder}`,
        ),
      ),
    ) as StateMachineDefinition;
    this.machines.set(stateMachineArn(name), { name, definition: resolved, handlers });
  }

  /**
   * The callback pattern aws-local-stepfunctions lacks: the task's Lambda gets a token unique to
   * this wait (in place of `$$.Task.Token`), and the state completes when SendTaskSuccess or
   * SendTaskFailure names that token. The engine's TimeoutSeconds still applies, as on AWS.
   */
  private waitForTaskToken(name: string, handler: LambdaHandler, input: JSONValue, stateName: string) {
    // TimeoutSecondsPath, as asl-adapter.ts copied it into the effective input (a literal TimeoutSeconds
    // is left to the engine alone).
    const timeout = Number((input as { __localTimeoutSecondsPath?: unknown }).__localTimeoutSecondsPath);
    return this.tokens.wait(
      this.currentExecution,
      stateName,
      (token) =>
        this.runner.invoke(
          name,
          handler,
          replaceToken((input as { Payload?: unknown }).Payload, token),
          stateName,
        ),
      Number.isFinite(timeout) ? timeout : undefined,
    );
  }

  startExecution(request: { stateMachineArn: string; name?: string; input?: string }) {
    const machine = this.machines.get(request.stateMachineArn);
    if (!machine)
      throw new StepFunctionsError(
        "StateMachineDoesNotExist",
        `State machine ${request.stateMachineArn} does not exist.`,
      );
    const name = request.name ?? randomUUID();
    const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${machine.name}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      if (existing.input === (request.input ?? "{}")) return { executionArn, startDate: existing.startDate };
      throw new StepFunctionsError("ExecutionAlreadyExists", `Execution ${name} already exists.`);
    }
    const input = request.input ?? "{}";
    const execution: Execution = {
      executionArn,
      stateMachineArn: request.stateMachineArn,
      name,
      input,
      startDate: new Date(),
      status: "RUNNING",
      events: [],
    };
    this.executions.set(executionArn, execution);
    const stateMachine = new StateMachine(machine.definition, {
      validationOptions: { checkArn: false, checkPaths: true },
    });
    const handlers = Object.fromEntries(
      Object.entries(machine.handlers).map(([state, handler]) => [
        state,
        (taskInput: JSONValue) => {
          // Read synchronously by waitForTaskToken, so each token knows its execution.
          this.currentExecution = executionArn;
          return handler(taskInput);
        },
      ]),
    );
    const run = stateMachine.run(JSON.parse(input), {
      overrides: { taskResourceLocalHandlers: handlers },
      context: {
        Task: { Token: TOKEN_PLACEHOLDER },
        Execution: {
          Id: executionArn,
          Name: name,
          Input: JSON.parse(input),
          StartTime: execution.startDate.toISOString(),
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/local`,
        },
        StateMachine: { Id: request.stateMachineArn, Name: machine.name },
      },
    });
    execution.abort = () => run.abort();
    this.pending.add(recordHistory(execution.events, machine.definition, run.eventLogs));
    this.pending.add(
      run.result
        .then((output: unknown) => {
          execution.status = "SUCCEEDED";
          execution.output = JSON.stringify(output);
        })
        .catch((error: Error & { cause?: unknown }) => {
          if (execution.status === "ABORTED") return;
          execution.status = "FAILED";
          // The engine wraps the failure; AWS reports the underlying error and cause.
          const cause = error.cause instanceof Error ? error.cause : undefined;
          execution.error = cause?.name ?? error.name;
          execution.cause = cause?.message ?? error.message;
        })
        .finally(() => {
          execution.stopDate = new Date();
          this.tokens.forget(executionArn);
        }),
    );
    return { executionArn, startDate: execution.startDate };
  }

  private readonly pending = new Set<Promise<unknown>>();

  getExecutionHistory(request: { executionArn: string }) {
    const execution = this.executions.get(request.executionArn);
    if (!execution)
      throw new StepFunctionsError(
        "ExecutionDoesNotExist",
        `Execution ${request.executionArn} does not exist.`,
      );
    return { events: execution.events };
  }

  describeExecution(request: { executionArn: string }) {
    const execution = this.executions.get(request.executionArn);
    if (!execution)
      throw new StepFunctionsError(
        "ExecutionDoesNotExist",
        `Execution ${request.executionArn} does not exist.`,
      );
    const { executionArn, stateMachineArn, name, status, startDate, stopDate, input, output, error, cause } =
      execution;
    return { executionArn, stateMachineArn, name, status, startDate, stopDate, input, output, error, cause };
  }

  stopExecution(request: { executionArn: string }) {
    const execution = this.executions.get(request.executionArn);
    if (!execution)
      throw new StepFunctionsError(
        "ExecutionDoesNotExist",
        `Execution ${request.executionArn} does not exist.`,
      );
    if (execution.status === "RUNNING") {
      execution.status = "ABORTED";
      execution.abort?.();
    }
    return { stopDate: new Date() };
  }

  listExecutions(request: { stateMachineArn: string }) {
    return {
      executions: [...this.executions.values()]
        .filter((execution) => execution.stateMachineArn === request.stateMachineArn)
        .map(({ executionArn, stateMachineArn, name, status, startDate, stopDate }) => ({
          executionArn,
          stateMachineArn,
          name,
          status,
          startDate,
          stopDate,
        })),
    };
  }

  /** Waits for every running execution (used on shutdown). */
  async drain(): Promise<void> {
    for (const execution of this.executions.values()) if (execution.status === "RUNNING") execution.abort?.();
    await Promise.allSettled([...this.pending]);
  }

  /** Dispatches one AWS JSON 1.0 request (`X-Amz-Target: AWSStepFunctions.<Operation>`). */
  handle(operation: string, body: Record<string, unknown>): unknown {
    switch (operation) {
      case "StartExecution":
        return this.startExecution(body as never);
      case "DescribeExecution":
        return this.describeExecution(body as never);
      case "StopExecution":
        return this.stopExecution(body as never);
      case "ListExecutions":
        return this.listExecutions(body as never);
      case "GetExecutionHistory":
        return this.getExecutionHistory(body as never);
      case "SendTaskSuccess":
        return this.tokens.succeed(body as never);
      case "SendTaskFailure":
        return this.tokens.fail(body as never);
      case "SendTaskHeartbeat":
        return this.tokens.heartbeat(body as never);
      default:
        throw new StepFunctionsError(
          "UnknownOperationException",
          `${operation} is not supported by the local runtime.`,
        );
    }
  }
}
