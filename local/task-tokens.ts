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

/** How long a timed-out token is remembered (answering TaskTimedOut), then forgotten (TaskDoesNotExist). */
const TIMED_OUT_MEMORY_MS = 15 * 60_000;

/** The error a state's timeout raises: what `Catch: States.Timeout` matches. */
const statesTimeout = () => Object.assign(new Error("The task timed out."), { name: "States.Timeout" });

/** The task tokens of `.waitForTaskToken` states that are waiting, and the SendTask* calls that end them. */
export class TaskTokens {
  private readonly waiting = new Map<string, WaitingTask>();
  /** Tokens whose wait timed out, with when: AWS answers them `TaskTimedOut`. */
  private readonly timedOut = new Map<string, number>();

  constructor(private readonly isRunning: (executionArn: string) => boolean) {}

  /**
   * Registers a fresh token, lets `start` hand it to the task's Lambda, and resolves when it is answered.
   * With `timeoutSeconds`, the wait times out here, as on AWS: the token is then answered `TaskTimedOut`
   * and the state fails with `States.Timeout`. This timer is set before the engine's own (same length),
   * so it always fires first: no answer can slip in between the engine giving up and the token expiring.
   */
  async wait(
    executionArn: string,
    stateName: string,
    start: (token: string) => Promise<unknown>,
    timeoutSeconds?: number,
  ): Promise<JSONValue> {
    const token = `${randomUUID()}.${stateName}`;
    let timer: NodeJS.Timeout | undefined;
    const settled = new Promise<JSONValue>((resolve, reject) => {
      this.waiting.set(token, { executionArn, resolve, reject });
      if (timeoutSeconds !== undefined && timeoutSeconds > 0)
        timer = setTimeout(() => this.expire(token), timeoutSeconds * 1000);
    });
    void settled.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    try {
      await start(token);
    } catch (error) {
      clearTimeout(timer);
      this.waiting.delete(token);
      throw error;
    }
    return settled;
  }

  private expire(token: string): void {
    const task = this.waiting.get(token);
    if (!task) return;
    this.waiting.delete(token);
    const now = Date.now();
    for (const [old, at] of this.timedOut) if (now - at > TIMED_OUT_MEMORY_MS) this.timedOut.delete(old);
    this.timedOut.set(token, now);
    task.reject(statesTimeout());
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
    this.refuseTimedOut(request.taskToken);
    if (!this.waiting.has(request.taskToken))
      throw new StepFunctionsError("TaskDoesNotExist", "The task token is unknown or finished.");
    return {};
  }

  private refuseTimedOut(token: string): void {
    if (this.timedOut.has(token)) throw new StepFunctionsError("TaskTimedOut", "Task Timed Out");
  }

  /** Drops the tokens of an execution that has ended. */
  forget(executionArn: string): void {
    for (const [token, task] of this.waiting)
      if (task.executionArn === executionArn) this.waiting.delete(token);
  }

  private take(token: string): WaitingTask {
    this.refuseTimedOut(token);
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
