import { randomUUID } from "node:crypto";
import type { RunOptions } from "aws-local-stepfunctions";
import { StepFunctionsError } from "./step-functions-error.ts";

type LocalTaskHandlers = NonNullable<NonNullable<RunOptions["overrides"]>["taskResourceLocalHandlers"]>;
export type JSONValue = Parameters<LocalTaskHandlers[string]>[0];

/** What `$$.Task.Token` evaluates to locally; each waiting task swaps it for a token of its own. */
export const TOKEN_PLACEHOLDER = "carechat-local-task-token";

interface WaitingTask {
  readonly executionArn: string;
  resolve(output: JSONValue): void;
  reject(error: Error): void;
}

/** The task tokens of `.waitForTaskToken` states that are waiting, and the SendTask* calls that end them. */
export class TaskTokens {
  private readonly waiting = new Map<string, WaitingTask>();

  constructor(private readonly isRunning: (executionArn: string) => boolean) {}

  /** Registers a fresh token, lets `start` hand it to the task's Lambda, and resolves when it is answered. */
  async wait(
    executionArn: string,
    stateName: string,
    start: (token: string) => Promise<unknown>,
  ): Promise<JSONValue> {
    const token = `${randomUUID()}.${stateName}`;
    const settled = new Promise<JSONValue>((resolve, reject) => {
      this.waiting.set(token, { executionArn, resolve, reject });
    });
    try {
      await start(token);
    } catch (error) {
      this.waiting.delete(token);
      throw error;
    }
    return settled;
  }

  succeed(request: { taskToken: string; output: string }) {
    this.take(request.taskToken).resolve(JSON.parse(request.output) as JSONValue);
    return {};
  }

  fail(request: { taskToken: string; error?: string; cause?: string }) {
    const error = Object.assign(new Error(request.cause ?? ""), { name: request.error ?? "TaskFailed" });
    this.take(request.taskToken).reject(error);
    return {};
  }

  heartbeat(request: { taskToken: string }) {
    if (!this.waiting.has(request.taskToken))
      throw new StepFunctionsError("TaskDoesNotExist", "The task token is unknown or finished.");
    return {};
  }

  /** Drops the tokens of an execution that has ended. */
  forget(executionArn: string): void {
    for (const [token, task] of this.waiting)
      if (task.executionArn === executionArn) this.waiting.delete(token);
  }

  private take(token: string): WaitingTask {
    const task = this.waiting.get(token);
    if (!task || !this.isRunning(task.executionArn))
      throw new StepFunctionsError("TaskDoesNotExist", "The task token is unknown or finished.");
    this.waiting.delete(token);
    return task;
  }
}

/** The Payload handed to the task's Lambda, with the placeholder token replaced by this wait's own. */
export function replaceToken(value: unknown, token: string): unknown {
  if (value === TOKEN_PLACEHOLDER) return token;
  if (Array.isArray(value)) return value.map((item) => replaceToken(item, token));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceToken(item, token)]));
  return value;
}
