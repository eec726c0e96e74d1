import type { LambdaHandler, LambdaRunner } from "./lambda-runner.ts";
import type { JSONValue } from "./task-tokens.ts";

interface AslState {
  Type: string;
  Resource?: string;
  Parameters?: { FunctionName?: string; Payload?: unknown };
  Branches?: { States: Record<string, AslState> }[];
  ItemProcessor?: { States: Record<string, AslState> };
  Iterator?: { States: Record<string, AslState> };
}

export type StateHandler = (input: JSONValue) => Promise<JSONValue>;

export interface TaskBindingOptions {
  /** The local handler for each `${Placeholder}` the ASL names as a function. */
  readonly tasks: Record<string, LambdaHandler>;
  readonly runner: LambdaRunner;
  /** Runs a `.waitForTaskToken` task: gives the Lambda a token and resolves when the token is answered. */
  readonly waitForTaskToken: (
    fn: string,
    handler: LambdaHandler,
    input: JSONValue,
    stateName: string,
  ) => Promise<JSONValue>;
}

const LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

/**
 * The local handler of every Task state of an ASL file, by state name (nested Parallel and Map states
 * included): a `${Placeholder}` Resource runs the registered handler with the state's input; the
 * `lambda:invoke` integration wraps it in `{StatusCode, Payload}` as AWS does, or waits for its token.
 */
export function bindTaskHandlers(source: string, options: TaskBindingOptions): Record<string, StateHandler> {
  const handlers: Record<string, StateHandler> = {};
  const definition = JSON.parse(source) as { States: Record<string, AslState> };
  bind(definition.States, handlers, options);
  return handlers;
}

function bind(
  states: Record<string, AslState>,
  handlers: Record<string, StateHandler>,
  options: TaskBindingOptions,
) {
  for (const [stateName, state] of Object.entries(states)) {
    const placeholder = state.Type === "Task" ? /^\$\{(\w+)\}$/.exec(state.Resource ?? "")?.[1] : undefined;
    if (placeholder) {
      const handler = taskHandler(options, placeholder, stateName);
      handlers[stateName] = (input) =>
        options.runner.invoke<JSONValue>(placeholder, handler, input, stateName);
    } else if (state.Type === "Task" && state.Resource?.startsWith(LAMBDA_INVOKE)) {
      const name = /^\$\{(\w+)\}$/.exec(state.Parameters?.FunctionName ?? "")?.[1];
      if (!name) throw new Error(`State ${stateName} invokes a function that is not a \${Placeholder}.`);
      const handler = taskHandler(options, name, stateName);
      handlers[stateName] = state.Resource.endsWith(".waitForTaskToken")
        ? (input) => options.waitForTaskToken(name, handler, input, stateName)
        : async (input) => ({
            StatusCode: 200,
            Payload: (await options.runner.invoke<JSONValue>(
              name,
              handler,
              (input as { Payload?: unknown }).Payload,
              stateName,
            )) as JSONValue,
          });
    }
    for (const branch of state.Branches ?? []) bind(branch.States, handlers, options);
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) bind(processor.States, handlers, options);
  }
}

function taskHandler(options: TaskBindingOptions, placeholder: string, stateName: string): LambdaHandler {
  const handler = options.tasks[placeholder];
  if (!handler) throw new Error(`No local handler for ${placeholder} (state ${stateName}).`);
  return handler;
}
