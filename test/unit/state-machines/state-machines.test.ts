import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import validator from "asl-validator";
import { StateMachine, type StateMachineDefinition } from "aws-local-stepfunctions";
import { describe, expect, it } from "vitest";

/**
 * Every workflow in state-machines/, present and future: valid ASL, and the rules carechat's workflows
 * follow so that they behave the same on AWS and on the local engine (aws-local-stepfunctions).
 */
const directory = fileURLToPath(new URL("../../../state-machines/", import.meta.url));
const files = readdirSync(directory)
  .filter((name) => name.endsWith(".asl.json"))
  .sort();

/**
 * The `${Placeholder}` values infra substitutes (definitionSubstitutions) and local/stack.ts binds to a
 * handler. A new workflow that needs another function adds it here, in infra and in the local stack.
 */
const ALLOWED_PLACEHOLDERS = new Set(["ChatClosureFunctionArn", "ChatHandoffFunctionArn"]);

/** Fields that only exist in JSONata mode or as variables: the local engine silently ignores them. */
const JSONATA_ONLY_FIELDS = ["Assign", "Arguments", "Output", "Items"];

const LAMBDA_INVOKE = /^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/;

interface State {
  readonly Type: string;
  readonly Resource?: string;
  readonly Parameters?: { readonly FunctionName?: unknown; readonly Payload?: unknown };
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: readonly { readonly Next: string }[];
  readonly Catch?: readonly { readonly Next: string; readonly ErrorEquals: readonly string[] }[];
  readonly Retry?: readonly { readonly ErrorEquals: readonly string[] }[];
  readonly TimeoutSeconds?: number;
  readonly TimeoutSecondsPath?: string;
  readonly QueryLanguage?: string;
  readonly Branches?: readonly StateContainer[];
  readonly ItemProcessor?: StateContainer;
  readonly Iterator?: StateContainer;
}

interface StateContainer {
  readonly StartAt: string;
  readonly States: Record<string, State>;
  readonly QueryLanguage?: string;
}

const source = (file: string) => readFileSync(`${directory}${file}`, "utf8");
const definitionOf = (file: string) => JSON.parse(source(file)) as StateContainer;

/** The top-level machine and every nested one (Parallel branches, Map processors). */
function containersOf(root: StateContainer): StateContainer[] {
  const found: StateContainer[] = [root];
  for (const state of Object.values(root.States)) {
    for (const branch of state.Branches ?? []) found.push(...containersOf(branch));
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) found.push(...containersOf(processor));
  }
  return found;
}

function statesOf(root: StateContainer): [string, State][] {
  return containersOf(root).flatMap((container) => Object.entries(container.States));
}

function transitionsOf(state: State): string[] {
  return [
    state.Next,
    state.Default,
    ...(state.Choices ?? []).map((choice) => choice.Next),
    ...(state.Catch ?? []).map((catcher) => catcher.Next),
  ].filter((target): target is string => target !== undefined);
}

function unreachableStates(container: StateContainer): string[] {
  const reached = new Set<string>();
  const pending = [container.StartAt];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const state = container.States[name];
    if (reached.has(name) || !state) continue;
    reached.add(name);
    pending.push(...transitionsOf(state));
  }
  return Object.keys(container.States).filter((name) => !reached.has(name));
}

/** Every string value anywhere in the definition, with its path. */
function stringsOf(value: unknown, path = "$"): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsOf(item, `${path}[${index}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => stringsOf(item, `${path}.${key}`));
  return [];
}

/** Every key anywhere in the definition, with the path of the object holding it. */
function keysOf(value: unknown, path = "$"): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => keysOf(item, `${path}[${index}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => [
      [path, key] as [string, string],
      ...keysOf(item, `${path}.${key}`),
    ]);
  return [];
}

describe("state-machines/", () => {
  it("holds the workflows the backend starts", () => {
    // Prepare
    const expected = ["chat-closure.asl.json", "chat-handoff.asl.json"];

    // Act
    const present = files;

    // Assess
    expect(present).toEqual(expect.arrayContaining(expected));
  });
});

describe.each(files)("%s", (file) => {
  it("is valid Amazon States Language, with paths and ARNs checked", () => {
    // Prepare
    const definition = definitionOf(file);

    // Act
    const result = validator(structuredClone(definition), { checkPaths: true, checkArn: true });

    // Assess
    expect(result.errorsText("\n")).toBe("");
    expect(result.isValid).toBe(true);
  });

  it("is accepted by the local engine once its placeholders are resolved", () => {
    // Prepare
    const resolved = JSON.parse(
      source(file).replace(
        /\$\{(\w+)\}/g,
        (_match, name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
      ),
    ) as StateMachineDefinition;

    // Act
    const create = () =>
      new StateMachine(resolved, { validationOptions: { checkArn: false, checkPaths: true } });

    // Assess
    expect(create).not.toThrow();
  });

  it("gives every Task a Retry and a Catch", () => {
    // Prepare
    const tasks = statesOf(definitionOf(file)).filter(([, state]) => state.Type === "Task");

    // Act
    const unguarded = tasks
      .filter(([, state]) => !state.Retry?.length || !state.Catch?.length)
      .map(([name]) => name);

    // Assess
    expect(tasks.length).toBeGreaterThan(0);
    expect(unguarded).toEqual([]);
  });

  it("catches every error in each Task's last Catch, so no Task failure goes unhandled", () => {
    // Prepare
    const tasks = statesOf(definitionOf(file)).filter(([, state]) => state.Type === "Task");

    // Act
    const partial = tasks
      .filter(([, state]) => !state.Catch?.at(-1)?.ErrorEquals.includes("States.ALL"))
      .map(([name]) => name);

    // Assess
    expect(partial).toEqual([]);
  });

  it("gives every Task a timeout", () => {
    // Prepare
    const tasks = statesOf(definitionOf(file)).filter(([, state]) => state.Type === "Task");

    // Act
    const unbounded = tasks
      .filter(([, state]) => state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined)
      .map(([name]) => name);

    // Assess
    expect(unbounded).toEqual([]);
  });

  it("uses only the allowed placeholders", () => {
    // Prepare
    const text = source(file);

    // Act
    const used = [...text.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1] as string);

    // Assess
    expect(used.filter((name) => !ALLOWED_PLACEHOLDERS.has(name))).toEqual([]);
  });

  it("invokes only functions the local runtime can bind: a placeholder Resource or lambda:invoke of one", () => {
    // Prepare
    const tasks = statesOf(definitionOf(file)).filter(([, state]) => state.Type === "Task");
    const isPlaceholder = (value: unknown) => typeof value === "string" && /^\$\{\w+\}$/.test(value);

    // Act
    const unbindable = tasks
      .filter(([, state]) => {
        if (isPlaceholder(state.Resource)) return false;
        return !(LAMBDA_INVOKE.test(state.Resource ?? "") && isPlaceholder(state.Parameters?.FunctionName));
      })
      .map(([name, state]) => `${name}: ${state.Resource}`);

    // Assess
    expect(unbindable).toEqual([]);
  });

  it("passes $$.Task.Token to every callback Task, which needs a timeout to end a lost wait", () => {
    // Prepare
    const callbacks = statesOf(definitionOf(file)).filter(([, state]) =>
      state.Resource?.endsWith(".waitForTaskToken"),
    );

    // Act
    const broken = callbacks
      .filter(([, state]) => {
        const passesToken = stringsOf(state.Parameters).some(([, value]) => value === "$$.Task.Token");
        const timed = state.TimeoutSeconds !== undefined || state.TimeoutSecondsPath !== undefined;
        return !passesToken || !timed;
      })
      .map(([name]) => name);

    // Assess
    expect(broken).toEqual([]);
  });

  it("reaches every state from StartAt", () => {
    // Prepare
    const containers = containersOf(definitionOf(file));

    // Act
    const unreachable = containers.flatMap(unreachableStates);

    // Assess
    expect(unreachable).toEqual([]);
  });

  it("uses JSONPath only: no JSONata, no Assign, which the local engine ignores", () => {
    // Prepare
    const definition = definitionOf(file);

    // Act
    const languages = keysOf(definition)
      .filter(([, key]) => key === "QueryLanguage")
      .map(([path]) => path);
    const jsonataFields = keysOf(definition)
      .filter(([path, key]) => JSONATA_ONLY_FIELDS.includes(key) && /\.States\.[^.]+$/.test(path))
      .map(([path, key]) => `${path}.${key}`);
    const jsonataExpressions = stringsOf(definition)
      .filter(([, value]) => /^\{%.*%\}$/s.test(value.trim()))
      .map(([path]) => path);

    // Assess
    expect(languages).toEqual([]);
    expect(jsonataFields).toEqual([]);
    expect(jsonataExpressions).toEqual([]);
  });

  it("ends every path in a Succeed or Fail state, or a state marked End", () => {
    // Prepare
    const states = statesOf(definitionOf(file));

    // Act
    const deadEnds = states
      .filter(([, state]) => !["Succeed", "Fail", "Choice"].includes(state.Type))
      .filter(([, state]) => state.Next === undefined && state.End !== true)
      .map(([name]) => name);

    // Assess
    expect(deadEnds).toEqual([]);
  });
});

describe("the structural checks themselves", () => {
  it("find an unreachable state", () => {
    // Prepare
    const container: StateContainer = {
      StartAt: "A",
      States: { A: { Type: "Pass", Next: "B" }, B: { Type: "Succeed" }, Orphan: { Type: "Succeed" } },
    };

    // Act
    const unreachable = unreachableStates(container);

    // Assess
    expect(unreachable).toEqual(["Orphan"]);
  });

  it("follow Choice, Default and Catch transitions", () => {
    // Prepare
    const container: StateContainer = {
      StartAt: "Pick",
      States: {
        Pick: { Type: "Choice", Choices: [{ Next: "Work" }], Default: "Done" },
        Work: { Type: "Task", Next: "Done", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }] },
        Done: { Type: "Succeed" },
        Failed: { Type: "Fail" },
      },
    };

    // Act
    const unreachable = unreachableStates(container);

    // Assess
    expect(unreachable).toEqual([]);
  });

  it("look into Parallel branches and Map processors", () => {
    // Prepare
    const container: StateContainer = {
      StartAt: "Fan",
      States: {
        Fan: {
          Type: "Parallel",
          End: true,
          Branches: [{ StartAt: "X", States: { X: { Type: "Succeed" }, Lost: { Type: "Succeed" } } }],
        },
      },
    };

    // Act
    const unreachable = containersOf(container).flatMap(unreachableStates);

    // Assess
    expect(unreachable).toEqual(["Lost"]);
  });

  it("the validator copy keeps the file's definition unchanged", () => {
    // Prepare
    const definition = definitionOf(files[0] as string);
    const before = JSON.stringify(definition);

    // Act
    validator(structuredClone(definition), { checkPaths: true, checkArn: true });

    // Assess
    expect(JSON.stringify(definition)).toBe(before);
  });
});
