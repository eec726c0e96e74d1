import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { closureSteps } from "../../../functions/lib/chat/closure-tasks.ts";
import { FUNCTIONS } from "../../../functions/lib/config/environment.ts";
import { handoffSteps } from "../../../functions/lib/steps/handoff-steps.ts";

/** Every `"step": "..."` the ASL file sends to the function behind `placeholder`. */
function stepsNamedIn(file: string, placeholder: string): string[] {
  const definition = JSON.parse(
    readFileSync(new URL(`../../../state-machines/${file}`, import.meta.url), "utf8"),
  );
  const steps = new Set<string>();
  type State = { Resource?: string; Parameters?: Record<string, unknown>; Branches?: { States: States }[] };
  type States = Record<string, State>;
  const visit = (states: States) => {
    for (const state of Object.values(states)) {
      // A Parallel state's branches are states of the same workflow.
      for (const branch of state.Branches ?? []) visit(branch.States);
      const parameters = state.Parameters ?? {};
      const payload = (parameters.Payload ?? parameters) as Record<string, unknown>;
      const target = JSON.stringify([state.Resource, parameters.FunctionName]);
      if (target.includes(`\${${placeholder}}`) && typeof payload.step === "string") steps.add(payload.step);
    }
  };
  visit(definition.States);
  return [...steps].sort();
}

describe("the workflows and their task functions", () => {
  it.each([
    ["chat-closure.asl.json", FUNCTIONS["chat-closure"].aslPlaceholder, Object.keys(closureSteps)],
    ["chat-handoff.asl.json", FUNCTIONS["chat-handoff"].aslPlaceholder, Object.keys(handoffSteps)],
  ])("%s names exactly the steps its function implements", (file, placeholder, implemented) => {
    // Act
    const named = stepsNamedIn(file, placeholder);

    // Assess
    expect(named.length).toBeGreaterThan(0);
    expect(named).toEqual([...implemented].sort());
  });

  it("lists every handler entry and placeholder once, and the handler files exist", () => {
    // Prepare
    const entries = Object.values(FUNCTIONS).map((fn) => fn.entry);
    const placeholders = Object.values(FUNCTIONS).flatMap((fn) =>
      "aslPlaceholder" in fn ? [fn.aslPlaceholder] : [],
    );

    // Act
    const readable = entries.map((entry) =>
      readFileSync(new URL(`../../../${entry}`, import.meta.url), "utf8"),
    );

    // Assess
    expect(new Set(entries).size).toBe(entries.length);
    expect(new Set(placeholders).size).toBe(placeholders.length);
    expect(readable.every((source) => source.includes("export const handler"))).toBe(true);
  });
});
