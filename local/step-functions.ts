import "./polyfills.ts";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type RunOptions, StateMachine, type StateMachineDefinition } from "aws-local-stepfunctions";

type LocalTaskHandlers = NonNullable<NonNullable<RunOptions["overrides"]>["taskResourceLocalHandlers"]>;
type JSONValue = Parameters<LocalTaskHandlers[string]>[0];

import type { LambdaHandler, LambdaRunner } from "./lambda-runner.ts";

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

/** A GetExecutionHistory event, shaped like AWS's (type names such as "TaskStateEntered"). */
interface HistoryEvent {
  readonly id: number;
  readonly timestamp: Date;
  readonly type: string;
  readonly stateEnteredEventDetails?: { name: string };
  readonly stateExitedEventDetails?: { name: string };
}

export class StepFunctionsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

interface AslState {
  Type: string;
  Resource?: string;
  Parameters?: { FunctionName?: string; Payload?: unknown };
}

/** What `$$.Task.Token` evaluates to locally; each waiting task swaps it for a token of its own. */
const TOKEN_PLACEHOLDER = "carechat-local-task-token";
const LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

interface WaitingTask {
  readonly executionArn: string;
  resolve(output: JSONValue): void;
  reject(error: Error): void;
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
  private readonly waiting = new Map<string, WaitingTask>();
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
    const handlers: Record<string, (input: JSONValue) => Promise<JSONValue>> = {};
    const definition = JSON.parse(source) as { States: Record<string, AslState> };
    this.bindTasks(definition.States, handlers);
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

  private bindTasks(
    states: Record<
      string,
      AslState & {
        Branches?: { States: Record<string, AslState> }[];
        ItemProcessor?: { States: Record<string, AslState> };
        Iterator?: { States: Record<string, AslState> };
      }
    >,
    handlers: Record<string, (input: JSONValue) => Promise<JSONValue>>,
  ) {
    for (const [stateName, state] of Object.entries(states)) {
      const placeholder = state.Type === "Task" ? /^\$\{(\w+)\}$/.exec(state.Resource ?? "")?.[1] : undefined;
      if (placeholder) {
        const handler = this.taskHandler(placeholder, stateName);
        handlers[stateName] = (input) =>
          this.runner.invoke<JSONValue>(placeholder, handler, input, stateName);
      } else if (state.Type === "Task" && state.Resource?.startsWith(LAMBDA_INVOKE)) {
        const name = /^\$\{(\w+)\}$/.exec(state.Parameters?.FunctionName ?? "")?.[1];
        if (!name) throw new Error(`State ${stateName} invokes a function that is not a \${Placeholder}.`);
        const handler = this.taskHandler(name, stateName);
        handlers[stateName] = state.Resource.endsWith(".waitForTaskToken")
          ? (input) => this.waitForTaskToken(name, handler, input, stateName)
          : async (input) => ({
              StatusCode: 200,
              Payload: (await this.runner.invoke<JSONValue>(
                name,
                handler,
                (input as { Payload?: unknown }).Payload,
                stateName,
              )) as JSONValue,
            });
      }
      for (const branch of state.Branches ?? []) this.bindTasks(branch.States, handlers);
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor) this.bindTasks(processor.States, handlers);
    }
  }

  private taskHandler(placeholder: string, stateName: string): LambdaHandler {
    const handler = this.tasks[placeholder];
    if (!handler) throw new Error(`No local handler for ${placeholder} (state ${stateName}).`);
    return handler;
  }

  /**
   * The callback pattern aws-local-stepfunctions lacks: the task's Lambda gets a token unique to
   * this wait, and the state completes when SendTaskSuccess/SendTaskFailure names that token.
   * The engine's TimeoutSeconds still applies, as on AWS.
   */
  private async waitForTaskToken(
    name: string,
    handler: LambdaHandler,
    input: JSONValue,
    stateName: string,
  ): Promise<JSONValue> {
    const token = `${randomUUID()}.${stateName}`;
    const executionArn = this.currentExecution;
    const settled = new Promise<JSONValue>((resolve, reject) => {
      this.waiting.set(token, { executionArn, resolve, reject });
    });
    const payload = replaceToken((input as { Payload?: unknown }).Payload, token);
    try {
      await this.runner.invoke(name, handler, payload, stateName);
    } catch (error) {
      this.waiting.delete(token);
      throw error;
    }
    return settled;
  }

  sendTaskSuccess(request: { taskToken: string; output: string }) {
    const task = this.takeTask(request.taskToken);
    task.resolve(JSON.parse(request.output) as JSONValue);
    return {};
  }

  sendTaskFailure(request: { taskToken: string; error?: string; cause?: string }) {
    const task = this.takeTask(request.taskToken);
    task.reject(Object.assign(new Error(request.cause ?? ""), { name: request.error ?? "TaskFailed" }));
    return {};
  }

  sendTaskHeartbeat(request: { taskToken: string }) {
    if (!this.waiting.has(request.taskToken))
      throw new StepFunctionsError("TaskDoesNotExist", "The task token is unknown or finished.");
    return {};
  }

  private takeTask(token: string): WaitingTask {
    const task = this.waiting.get(token);
    const execution = task ? this.executions.get(task.executionArn) : undefined;
    if (!task || (execution && execution.status !== "RUNNING"))
      throw new StepFunctionsError("TaskDoesNotExist", "The task token is unknown or finished.");
    this.waiting.delete(token);
    return task;
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
    this.pending.add(this.recordHistory(execution, machine.definition, run.eventLogs));
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
          for (const [token, task] of this.waiting)
            if (task.executionArn === executionArn) this.waiting.delete(token);
        }),
    );
    return { executionArn, startDate: execution.startDate };
  }

  private readonly pending = new Set<Promise<unknown>>();

  private async recordHistory(
    execution: Execution,
    definition: StateMachineDefinition,
    logs: AsyncGenerator<{ type: string; timestamp: number; state?: { name: string } }>,
  ): Promise<void> {
    const states = definition.States as Record<string, { Type: string }>;
    try {
      for await (const log of logs) {
        const id = execution.events.length + 1;
        const timestamp = new Date(log.timestamp);
        const name = log.state?.name ?? "";
        const kind = states[name]?.Type ?? "";
        if (log.type === "StateEntered")
          execution.events.push({
            id,
            timestamp,
            type: `${kind}StateEntered`,
            stateEnteredEventDetails: { name },
          });
        else if (log.type === "StateExited")
          execution.events.push({
            id,
            timestamp,
            type: `${kind}StateExited`,
            stateExitedEventDetails: { name },
          });
        else execution.events.push({ id, timestamp, type: log.type });
      }
    } catch {
      // The log ends with the execution; an aborted run ends it early.
    }
  }

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
        return this.sendTaskSuccess(body as never);
      case "SendTaskFailure":
        return this.sendTaskFailure(body as never);
      case "SendTaskHeartbeat":
        return this.sendTaskHeartbeat(body as never);
      default:
        throw new StepFunctionsError(
          "UnknownOperationException",
          `${operation} is not supported by the local runtime.`,
        );
    }
  }
}

function replaceToken(value: unknown, token: string): unknown {
  if (value === TOKEN_PLACEHOLDER) return token;
  if (Array.isArray(value)) return value.map((item) => replaceToken(item, token));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceToken(item, token)]));
  return value;
}

/**
 * On AWS, TimeoutSecondsPath and HeartbeatSecondsPath read the state's input; aws-local-stepfunctions
 * reads them from the effective input (after Parameters). Copy each path into Parameters under a
 * hidden key so the local engine finds the value the same definition finds on AWS.
 */
function adaptTimeoutPaths(definition: { States?: Record<string, Record<string, unknown>> }): unknown {
  for (const state of Object.values(definition.States ?? {})) {
    for (const field of ["TimeoutSecondsPath", "HeartbeatSecondsPath"] as const) {
      const path = state[field];
      if (typeof path !== "string" || typeof state.Parameters !== "object" || state.Parameters === null)
        continue;
      const hidden = `__local${field}`;
      state.Parameters = { ...(state.Parameters as object), [`${hidden}.$`]: path };
      state[field] = `$.${hidden}`;
    }
    for (const branch of (state.Branches as
      | { States: Record<string, Record<string, unknown>> }[]
      | undefined) ?? [])
      adaptTimeoutPaths(branch);
  }
  return definition;
}
