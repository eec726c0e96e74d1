import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CarechatStack } from "../../../infra/stacks/carechat-stack.ts";
import {
  createTestApp,
  removeTestOutdirs,
  SYNTH_TIMEOUT_MS,
  TEST_JWT,
  TEST_ORIGIN,
} from "./synth-helpers.ts";
import { logicalIdOf, statementsFor, statementsOfRole } from "./template-helpers.ts";

let stack: CarechatStack;
let template: Template;

beforeAll(() => {
  const { stacks } = createTestApp({
    nag: false,
    stackProps: { jwt: TEST_JWT, allowedOrigins: [TEST_ORIGIN] },
  });
  stack = stacks[0] as CarechatStack;
  template = Template.fromStack(stack);
}, SYNTH_TIMEOUT_MS);

afterAll(removeTestOutdirs);

const reconcilerId = () => logicalIdOf(stack, stack.functions.reconciler.function);

describe("CarechatStack: the reconciler", () => {
  it("runs every minute from its own EventBridge rule, without retries", () => {
    // Act
    const rule = template.findResources("AWS::Events::Rule")[logicalIdOf(stack, stack.reconciler.rule)];

    // Assess
    expect(rule?.Properties).toMatchObject({ ScheduleExpression: "rate(1 minute)", State: "ENABLED" });
    expect(rule?.Properties.Targets).toEqual([
      {
        Arn: { "Fn::GetAtt": [reconcilerId(), "Arn"] },
        Id: expect.any(String),
        RetryPolicy: { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 0 },
      },
    ]);
  });

  it("gets both workflows' ARNs, the @connections endpoint and the routing file, as its contract declares", () => {
    // Act
    const variables = template.findResources("AWS::Lambda::Function")[reconcilerId()]?.Properties.Environment
      .Variables as Record<string, unknown>;

    // Assess
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining([
        "TABLE_NAME",
        "WS_MANAGEMENT_ENDPOINT",
        "HANDOFF_STATE_MACHINE_ARN",
        "CLOSURE_STATE_MACHINE_ARN",
        "ROUTING_CONFIG_FILE",
      ]),
    );
    expect(variables.CLOSURE_STATE_MACHINE_ARN).toEqual({
      Ref: logicalIdOf(stack, stack.closureWorkflow.stateMachine),
    });
  });

  it("may start both workflows, read handoff executions and wake handoff waits, and nothing else of Step Functions", () => {
    // Act
    const role = stack.functions.reconciler.function.role;
    const statements = statementsFor(
      statementsOfRole(template, logicalIdOf(stack, role ?? stack)),
      "states:",
    );
    const actions = [...new Set(statements.flatMap((statement) => [statement.Action].flat()))].sort();

    // Assess
    expect(actions).toEqual(["states:DescribeExecution", "states:SendTaskSuccess", "states:StartExecution"]);
    const describe = statements.find((statement) =>
      [statement.Action].flat().includes("states:DescribeExecution"),
    );
    expect(JSON.stringify(describe?.Resource)).toContain(":execution:carechat-us-east-1-chat-handoff:*");
  });

  it("alarms when its repairs reach the threshold and when it fails", () => {
    // Act
    const alarms = stack.observability?.alarms;

    // Assess
    expect(alarms?.has("ReconcilerRepairs")).toBe(true);
    expect(alarms?.has("ReconcilerErrors")).toBe(true);
  });
});
