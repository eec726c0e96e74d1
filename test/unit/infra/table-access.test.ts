import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import type { CarechatStack } from "../../../infra/stacks/carechat-stack.ts";
import { createTestApp, SYNTH_TIMEOUT_MS, TEST_JWT } from "./synth-helpers.ts";
import { logicalIdOf, type Statement, statementsFor, statementsOfRole } from "./template-helpers.ts";

let stack: CarechatStack;
let template: Template;

beforeAll(() => {
  const { stacks } = createTestApp({ nag: false, stackProps: { jwt: TEST_JWT } });
  stack = stacks[0] as CarechatStack;
  template = Template.fromStack(stack);
}, SYNTH_TIMEOUT_MS);

const tableArn = () => ({ "Fn::GetAtt": [logicalIdOf(stack, stack.table.table), "Arn"] });
const indexArn = (name: string) => ({ "Fn::Join": ["", [tableArn(), `/index/${name}`]] });
const leadingKeys = (...prefixes: string[]) => ({
  "ForAllValues:StringLike": { "dynamodb:LeadingKeys": prefixes.map((prefix) => `${prefix}*`) },
});
const EVERY_ITEM_ACTION = [
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
];

function dynamoStatements(name: keyof CarechatStack["functions"]): Statement[] {
  return statementsFor(
    statementsOfRole(template, logicalIdOf(stack, stack.functions[name].role)),
    "dynamodb:",
  );
}

describe("table access per function", () => {
  it("lets the authorizer read revocations and nothing else", () => {
    // Act
    const statements = dynamoStatements("authorizer");

    // Assess
    expect(statements).toEqual([
      {
        Effect: "Allow",
        Action: ["dynamodb:GetItem", "dynamodb:BatchGetItem"],
        Resource: tableArn(),
        Condition: leadingKeys("REVOKED#"),
      },
    ]);
  });

  it("lets connect record and count its connection, re-check revocations, nothing else", () => {
    // Act
    const statements = dynamoStatements("connect");

    // Assess
    expect(statements).toEqual([
      {
        Effect: "Allow",
        Action: [
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
        ],
        Resource: tableArn(),
        Condition: leadingKeys("CONN#", "USER#", "TOKEN#", "REVOKED#"),
      },
    ]);
  });

  it("lets disconnect delete and uncount its connection, drop its subscriptions and mark the agent offline", () => {
    // Act
    const statements = dynamoStatements("disconnect");

    // Assess
    expect(statements).toEqual([
      {
        Effect: "Allow",
        Action: ["dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:UpdateItem"],
        Resource: tableArn(),
        Condition: leadingKeys("CONN#", "USER#", "TOKEN#", "CHAT#", "AGENT#", "WATCHERS"),
      },
    ]);
  });

  it("lets the ticker read and update queues and forget gone connections, never put an item", () => {
    // Act
    const statements = dynamoStatements("queueTicker");

    // Assess
    expect(statements).toEqual([
      {
        Effect: "Allow",
        Action: [
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
        ],
        Resource: tableArn(),
        Condition: leadingKeys("QUEUE#", "CHAT#", "CONN#", "USER#", "TOKEN#", "AGENT#", "WATCHERS"),
      },
      { Effect: "Allow", Action: "dynamodb:Query", Resource: [indexArn("gsi1"), indexArn("gsi2")] },
    ]);
  });

  it.each(["actions", "chatClosure", "chatHandoff"] as const)(
    "gives %s the item actions it sends on every item kind, and Query on the two indexes",
    (name) => {
      // Act
      const statements = dynamoStatements(name);

      // Assess
      expect(statements).toEqual([
        { Effect: "Allow", Action: EVERY_ITEM_ACTION, Resource: tableArn() },
        { Effect: "Allow", Action: "dynamodb:Query", Resource: [indexArn("gsi1"), indexArn("gsi2")] },
      ]);
    },
  );

  it("never grants Scan, a transaction action, a stream action, a wildcard or index/*", () => {
    // Act
    const all = Object.keys(stack.functions).flatMap((name) =>
      dynamoStatements(name as keyof CarechatStack["functions"]),
    );

    // Assess
    const actions = all.flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => /Scan|Transact|Stream|Shard|\*|DescribeTable/.test(action))).toEqual(
      [],
    );
    expect(JSON.stringify(all)).not.toContain("index/*");
  });
});
