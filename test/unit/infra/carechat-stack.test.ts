import { readFileSync } from "node:fs";
import type { CfnElement } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import type { IConstruct } from "constructs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDLER_CONTRACTS } from "../../../functions/handlers/entry-points.ts";
import { FUNCTIONS } from "../../../functions/lib/config/environment.ts";
import { tableDefinition } from "../../../functions/lib/data/table-definition.ts";
import { REPO_ROOT } from "../../../infra/constructs/chat-function.ts";
import { placeholdersOf } from "../../../infra/constructs/chat-workflow.ts";
import {
  DEFAULT_ACTION_ROUTES,
  ROUTE_SELECTION_EXPRESSION,
  TOKEN_IDENTITY_SOURCE,
} from "../../../infra/constructs/websocket-chat-api.ts";
import {
  type CarechatStack,
  CHAT_CLOSURE_DEFINITION_FILE,
  CHAT_HANDOFF_DEFINITION_FILE,
  QUEUE_TICKER_SCHEDULE,
} from "../../../infra/stacks/carechat-stack.ts";
import {
  createTestApp,
  removeTestOutdirs,
  SYNTH_TIMEOUT_MS,
  TEST_JWT,
  TEST_ORIGIN,
} from "./synth-helpers.ts";

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Effect: string;
}

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

function logicalId(construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

/** Every statement of every policy attached to a role (its inline policies and AWS::IAM::Policy). */
function statementsOfRole(roleLogicalId: string): Statement[] {
  const statements: Statement[] = [];
  const policies = template.findResources("AWS::IAM::Policy");
  for (const policy of Object.values(policies)) {
    const roles = (policy.Properties.Roles ?? []) as { Ref?: string }[];
    if (roles.some((role) => role.Ref === roleLogicalId)) {
      statements.push(...(policy.Properties.PolicyDocument.Statement as Statement[]));
    }
  }
  const role = template.findResources("AWS::IAM::Role")[roleLogicalId];
  for (const inline of (role?.Properties.Policies ?? []) as {
    PolicyDocument: { Statement: Statement[] };
  }[]) {
    statements.push(...inline.PolicyDocument.Statement);
  }
  return statements;
}

function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((statement) => [statement.Action].flat());
}

function environmentOf(functionLogicalId: string): Record<string, unknown> {
  const fn = template.findResources("AWS::Lambda::Function")[functionLogicalId];
  return fn?.Properties.Environment.Variables as Record<string, unknown>;
}

function stateMachineProperties(workflow: CarechatStack["closureWorkflow"]) {
  return template.findResources("AWS::StepFunctions::StateMachine")[logicalId(workflow.stateMachine)]
    ?.Properties;
}

/** The statements of a role that name `action`. */
function statementsWith(roleLogicalId: string, action: string): Statement[] {
  return statementsOfRole(roleLogicalId).filter((statement) => actionsOf([statement]).includes(action));
}

/** The handoff state machine's ARN as built from its fixed name (no reference to the state machine). */
function handoffArnFromName(): unknown {
  const name = stateMachineProperties(stack.handoffWorkflow).StateMachineName as string;
  return {
    "Fn::Join": [
      "",
      [
        "arn:",
        { Ref: "AWS::Partition" },
        ":states:us-east-1:",
        { Ref: "AWS::AccountId" },
        `:stateMachine:${name}`,
      ],
    ],
  };
}

describe("CarechatStack: DynamoDB table", () => {
  it("builds keys, indexes and TTL from the shared table definition", () => {
    // Prepare
    const attribute = (key: { name: string; type: string }) => ({
      AttributeName: key.name,
      AttributeType: key.type,
    });
    const keySchema = (index: { partitionKey: { name: string }; sortKey: { name: string } }) => [
      { AttributeName: index.partitionKey.name, KeyType: "HASH" },
      { AttributeName: index.sortKey.name, KeyType: "RANGE" },
    ];

    // Act
    const tables = template.findResources("AWS::DynamoDB::GlobalTable");

    // Assess
    expect(Object.keys(tables)).toHaveLength(1);
    const table = Object.values(tables)[0]?.Properties;
    expect(table.KeySchema).toEqual(keySchema(tableDefinition));
    expect(table.GlobalSecondaryIndexes).toEqual(
      tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: keySchema(index),
        Projection: { ProjectionType: "ALL" },
      })),
    );
    expect(table.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        attribute(tableDefinition.partitionKey),
        attribute(tableDefinition.sortKey),
        ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [
          attribute(index.partitionKey),
          attribute(index.sortKey),
        ]),
      ]),
    );
    expect(table.GlobalSecondaryIndexes.map((index: { IndexName: string }) => index.IndexName)).toEqual([
      "gsi1",
      "gsi2",
    ]);
    expect(table.TimeToLiveSpecification).toEqual({
      AttributeName: tableDefinition.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it("is on-demand, point-in-time recoverable, KMS-encrypted and retained", () => {
    // Prepare
    const expected = {
      BillingMode: "PAY_PER_REQUEST",
      SSESpecification: { SSEEnabled: true, SSEType: "KMS" },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
          DeletionProtectionEnabled: true,
        }),
      ],
    };

    // Act
    const assertion = () => template.hasResourceProperties("AWS::DynamoDB::GlobalTable", expected);

    // Assess
    expect(assertion).not.toThrow();
    template.hasResource("AWS::DynamoDB::GlobalTable", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
    });
    const table = Object.values(template.findResources("AWS::DynamoDB::GlobalTable"))[0]?.Properties;
    expect(table.StreamSpecification).toBeUndefined();
  });
});

describe("CarechatStack: WebSocket API", () => {
  it("selects routes on $request.body.action", () => {
    // Act
    const apis = template.findResources("AWS::ApiGatewayV2::Api");

    // Assess
    expect(Object.values(apis)).toHaveLength(1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      ProtocolType: "WEBSOCKET",
      RouteSelectionExpression: ROUTE_SELECTION_EXPRESSION,
    });
  });

  it("has $connect, $disconnect, $default and one route per client action", () => {
    // Prepare
    const expected = ["$connect", "$disconnect", "$default", ...DEFAULT_ACTION_ROUTES].sort();

    // Act
    const routeKeys = Object.values(template.findResources("AWS::ApiGatewayV2::Route"))
      .map((route) => route.Properties.RouteKey as string)
      .sort();

    // Assess
    expect(routeKeys).toEqual(expected);
    expect(DEFAULT_ACTION_ROUTES).toEqual([
      "startChat",
      "sendMessage",
      "requestAgent",
      "resume",
      "typing",
      "endChat",
      "getTranscript",
      "setPresence",
      "acceptChat",
      "declineChat",
      "transferChat",
      "escalateChat",
      "ping",
      "listChats",
      "leaveQueue",
      "requestVerification",
      "verify",
      "requestUpload",
      "getAttachment",
      "monitorChat",
      "stopMonitoring",
      "whisper",
      "bargeIn",
      "watchQueues",
      "unwatchQueues",
      "listQueueChats",
      "getCase",
      "updateCase",
      "logComplaint",
      "rateChat",
      "wrapUp",
      "inviteToChat",
      "leaveChat",
      "listCannedResponses",
    ]);
    expect([...stack.api.routes.keys()].sort()).toEqual(expected);
  });

  it("authorizes $connect with a Lambda REQUEST authorizer reading ?token=", () => {
    // Prepare
    const authorizerArn = Match.objectLike({
      "Fn::Join": [
        "",
        Match.arrayWith([{ "Fn::GetAtt": [logicalId(stack.functions.authorizer.function), "Arn"] }]),
      ],
    });

    // Act
    const authorizers = template.findResources("AWS::ApiGatewayV2::Authorizer");

    // Assess
    expect(Object.values(authorizers)).toHaveLength(1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "REQUEST",
      IdentitySource: [TOKEN_IDENTITY_SOURCE],
      AuthorizerUri: authorizerArn,
    });
    expect(TOKEN_IDENTITY_SOURCE).toBe("route.request.querystring.token");
    template.hasResourceProperties("AWS::ApiGatewayV2::Route", {
      RouteKey: "$connect",
      AuthorizationType: "CUSTOM",
      AuthorizerId: { Ref: Object.keys(authorizers)[0] },
    });
  });

  it("sends $default and every action to the actions function and returns its reply", () => {
    // Prepare
    const actionsArn = logicalId(stack.functions.actions.function);
    const integrations = template.findResources("AWS::ApiGatewayV2::Integration");
    const integrationOf = (routeKey: string) => {
      const route = Object.values(template.findResources("AWS::ApiGatewayV2::Route")).find(
        (candidate) => candidate.Properties.RouteKey === routeKey,
      );
      const target = route?.Properties.Target["Fn::Join"][1][1].Ref as string;
      return integrations[target]?.Properties;
    };
    const returning = Object.values(template.findResources("AWS::ApiGatewayV2::RouteResponse"));

    // Act
    const actionIntegrations = ["$default", ...DEFAULT_ACTION_ROUTES].map(integrationOf);

    // Assess
    for (const integration of actionIntegrations) {
      expect(integration?.IntegrationType).toBe("AWS_PROXY");
      expect(JSON.stringify(integration?.IntegrationUri)).toContain(actionsArn);
    }
    expect(returning).toHaveLength(DEFAULT_ACTION_ROUTES.length + 1);
    expect(JSON.stringify(integrationOf("$connect")?.IntegrationUri)).toContain(
      logicalId(stack.functions.connect.function),
    );
    expect(JSON.stringify(integrationOf("$disconnect")?.IntegrationUri)).toContain(
      logicalId(stack.functions.disconnect.function),
    );
  });

  it("deploys an auto-deployed, throttled prod stage with JSON access logs", () => {
    // Act
    const stages = Object.values(template.findResources("AWS::ApiGatewayV2::Stage"));

    // Assess
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.Properties;
    expect(stage.StageName).toBe("prod");
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 1000, ThrottlingRateLimit: 500 });
    expect(stage.AccessLogSettings.DestinationArn).toEqual({
      "Fn::GetAtt": [logicalId(stack.api.accessLogGroup), "Arn"],
    });
    const format = JSON.parse(stage.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({ requestId: "$context.requestId", routeKey: "$context.routeKey" });
    template.hasResourceProperties("AWS::ApiGateway::Account", {
      CloudWatchRoleArn: { "Fn::GetAtt": [Match.anyValue(), "Arn"] },
    });
  });
});

describe("CarechatStack: functions", () => {
  it("runs every function on nodejs22.x, ARM64, 512 MB, 29 s (the ticker 75 s), with active tracing and its own log group", () => {
    // Act
    const functions = Object.values(template.findResources("AWS::Lambda::Function"));

    // Assess
    expect(functions).toHaveLength(11);
    const tickerId = logicalId(stack.functions.queueTicker.function);
    for (const [id, fn] of Object.entries(template.findResources("AWS::Lambda::Function"))) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        MemorySize: 512,
        // The ticker pushes supervisors' queue snapshots in rounds through its minute.
        Timeout: id === tickerId ? 75 : 29,
        Handler: "index.handler",
        TracingConfig: { Mode: "Active" },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: "carechat",
        LOG_LEVEL: "INFO",
      });
      // No source-map stack traces by default: parsing the map is part of every cold start.
      expect(fn.Properties.Environment.Variables).not.toHaveProperty("NODE_OPTIONS");
    }
  });

  it("gives every log group a retention period", () => {
    // Act
    const logGroups = Object.values(template.findResources("AWS::Logs::LogGroup"));

    // Assess
    // 11 functions (upload-received and the reconciler included), the stage's access logs, 2 state machines.
    expect(logGroups).toHaveLength(11 + 1 + 2);
    for (const logGroup of logGroups) expect(logGroup.Properties.RetentionInDays).toBe(30);
  });

  it("passes each function exactly the environment its handler reads", () => {
    // Prepare
    const { authorizer, connect, disconnect, actions, chatClosure, chatHandoff, queueTicker } =
      stack.functions;
    const tableName = { Ref: logicalId(stack.table.table) };
    const managementEndpoint = Match.objectLike({ "Fn::Join": Match.anyValue() });

    // Act
    const environment = {
      authorizer: environmentOf(logicalId(authorizer.function)),
      connect: environmentOf(logicalId(connect.function)),
      disconnect: environmentOf(logicalId(disconnect.function)),
      actions: environmentOf(logicalId(actions.function)),
      chatClosure: environmentOf(logicalId(chatClosure.function)),
      chatHandoff: environmentOf(logicalId(chatHandoff.function)),
      queueTicker: environmentOf(logicalId(queueTicker.function)),
    };

    // Assess
    expect(environment.authorizer).toMatchObject({
      TABLE_NAME: tableName,
      JWT_ISSUER: TEST_JWT.issuer,
      JWT_JWKS_URI: TEST_JWT.jwksUri,
      JWT_AUDIENCE: TEST_JWT.audience,
      ROLE_CLAIM: "role",
      QUEUES_CLAIM: "queues",
      MAX_TOKEN_LIFETIME_SECONDS: "43200",
      ALLOWED_ORIGINS: TEST_ORIGIN,
    });
    expect(environment.authorizer).not.toHaveProperty("WS_MANAGEMENT_ENDPOINT");
    for (const name of ["connect", "disconnect"] as const)
      expect(environment[name]).not.toHaveProperty("WS_MANAGEMENT_ENDPOINT");
    for (const name of ["actions", "chatClosure", "chatHandoff", "queueTicker"] as const) {
      expect(environment[name]).toHaveProperty("TABLE_NAME", tableName);
      expect(Object.keys(environment[name])).toContain("WS_MANAGEMENT_ENDPOINT");
      expect(JSON.stringify(environment[name].WS_MANAGEMENT_ENDPOINT)).toMatch(/"https:\/\/".*\/prod"/);
    }
    template.hasResourceProperties("AWS::Lambda::Function", {
      Environment: { Variables: Match.objectLike({ WS_MANAGEMENT_ENDPOINT: managementEndpoint }) },
    });
    expect(environment.actions.CLOSURE_STATE_MACHINE_ARN).toEqual({
      Ref: logicalId(stack.closureWorkflow.stateMachine),
    });
    expect(environment.chatClosure).not.toHaveProperty("CLOSURE_STATE_MACHINE_ARN");
  });

  it("tells the functions that start or answer handoffs the handoff state machine's ARN", () => {
    // Prepare
    const handoffRef = { Ref: logicalId(stack.handoffWorkflow.stateMachine) };
    const environment = Object.fromEntries(
      Object.entries(stack.functions).map(([name, fn]) => [name, environmentOf(logicalId(fn.function))]),
    );

    // Act
    const withHandoffArn = Object.entries(environment)
      .filter(([, variables]) => "HANDOFF_STATE_MACHINE_ARN" in variables)
      .map(([name]) => name);

    // Assess
    expect(withHandoffArn.sort()).toEqual(["actions", "chatClosure", "chatHandoff", "reconciler"]);
    for (const name of ["actions", "chatClosure", "reconciler"]) {
      expect(environment[name]?.HANDOFF_STATE_MACHINE_ARN).toEqual(handoffRef);
    }
    // chat-handoff is invoked by the handoff state machine: a reference to it would be a cycle.
    expect(environment.chatHandoff?.HANDOFF_STATE_MACHINE_ARN).toEqual(handoffArnFromName());
  });

  it("points every function that routes chats at the routing file bundled into its code", () => {
    // Prepare
    const environment = Object.fromEntries(
      Object.entries(stack.functions).map(([name, fn]) => [name, environmentOf(logicalId(fn.function))]),
    );

    // Act
    const routingFiles = Object.fromEntries(
      Object.entries(environment).map(([name, variables]) => [name, variables.ROUTING_CONFIG_FILE]),
    );

    // Assess
    expect(routingFiles).toEqual({
      authorizer: undefined,
      connect: undefined,
      disconnect: undefined,
      actions: "/var/task/routing.json",
      chatClosure: "/var/task/routing.json",
      chatHandoff: "/var/task/routing.json",
      queueTicker: "/var/task/routing.json",
      reconciler: "/var/task/routing.json",
      revoke: undefined,
      eraseCustomer: undefined,
    });
  });
});

describe("CarechatStack: chat-closure workflow", () => {
  it("is an EXPRESS state machine with ALL-level logging without execution data, and tracing", () => {
    // Act
    const machines = Object.values(template.findResources("AWS::StepFunctions::StateMachine"));

    // Assess
    expect(machines).toHaveLength(2);
    expect(stateMachineProperties(stack.closureWorkflow)).toMatchObject({
      StateMachineType: "EXPRESS",
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: "ALL",
        IncludeExecutionData: false,
        Destinations: [
          {
            CloudWatchLogsLogGroup: {
              LogGroupArn: { "Fn::GetAtt": [logicalId(stack.closureWorkflow.logGroup), "Arn"] },
            },
          },
        ],
      },
    });
  });

  it("embeds the ASL file and substitutes the chat-closure function ARN", () => {
    // Prepare
    const file = JSON.parse(readFileSync(`${REPO_ROOT}/${CHAT_CLOSURE_DEFINITION_FILE}`, "utf8")) as unknown;

    // Act
    const machine = stateMachineProperties(stack.closureWorkflow);

    // Assess
    expect(JSON.parse(machine.DefinitionString as string)).toEqual(file);
    expect(machine.StateMachineName).toBeUndefined();
    expect(machine.DefinitionSubstitutions).toEqual({
      ChatClosureFunctionArn: { "Fn::GetAtt": [logicalId(stack.functions.chatClosure.function), "Arn"] },
    });
  });
});

describe("CarechatStack: handoff workflow", () => {
  it("is a STANDARD state machine with a fixed name, ALL-level logging without execution data, and tracing", () => {
    // Act
    const machine = stateMachineProperties(stack.handoffWorkflow);

    // Assess
    expect(machine).toMatchObject({
      StateMachineName: "carechat-us-east-1-chat-handoff",
      StateMachineType: "STANDARD",
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: "ALL",
        IncludeExecutionData: false,
        Destinations: [
          {
            CloudWatchLogsLogGroup: {
              LogGroupArn: { "Fn::GetAtt": [logicalId(stack.handoffWorkflow.logGroup), "Arn"] },
            },
          },
        ],
      },
    });
  });

  it("embeds the ASL file with waitForTaskToken tasks, and every placeholder is substituted", () => {
    // Prepare
    const file = JSON.parse(readFileSync(`${REPO_ROOT}/${CHAT_HANDOFF_DEFINITION_FILE}`, "utf8")) as unknown;
    const machine = stateMachineProperties(stack.handoffWorkflow);
    const definition = machine.DefinitionString as string;
    const substitutions = machine.DefinitionSubstitutions as Record<string, unknown>;

    // Act
    const substituted = Object.keys(substitutions).reduce(
      (text, name) =>
        text.replaceAll(`\${${name}}`, `arn:aws:lambda:us-east-1:123456789012:function:${name}`),
      definition,
    );

    // Assess
    expect(JSON.parse(definition)).toEqual(file);
    expect(definition).toContain("arn:aws:states:::lambda:invoke.waitForTaskToken");
    expect(placeholdersOf(definition)).toEqual(["ChatHandoffFunctionArn"]);
    expect(substitutions).toEqual({
      ChatHandoffFunctionArn: { "Fn::GetAtt": [logicalId(stack.functions.chatHandoff.function), "Arn"] },
    });
    expect(substituted).not.toContain("${");
    interface TaskState {
      readonly Resource?: string;
      readonly Parameters?: { FunctionName?: string; Payload?: Record<string, unknown> };
    }
    const states = Object.values((JSON.parse(substituted) as { States: Record<string, TaskState> }).States);
    const callbacks = states.filter((state) => String(state.Resource).endsWith(".waitForTaskToken"));
    expect(callbacks.length).toBeGreaterThan(0);
    for (const state of callbacks) {
      expect(state.Parameters?.FunctionName).toMatch(/:function:ChatHandoffFunctionArn$/);
      expect(state.Parameters?.Payload?.["taskToken.$"]).toBe("$$.Task.Token");
    }
  });

  it("builds the name-based ARN the handoff grants use from the state machine's own name", () => {
    // Act
    const resolved = stack.resolve(stack.handoffWorkflow.arnFromName);

    // Assess
    expect(resolved).toEqual(handoffArnFromName());
    expect(JSON.stringify(resolved)).toContain(":stateMachine:carechat-us-east-1-chat-handoff");
  });
});

describe("CarechatStack: queue ticker schedule", () => {
  it("runs the queue ticker every minute from an EventBridge rule, without retries", () => {
    // Prepare
    const tickerArn = { "Fn::GetAtt": [logicalId(stack.functions.queueTicker.function), "Arn"] };

    // Act
    // The reconciler's schedule is checked in chat-reconciler.test.ts.
    const rules = Object.entries(template.findResources("AWS::Events::Rule")).filter(([, rule]) =>
      JSON.stringify(rule.Properties.Targets).includes(tickerArn["Fn::GetAtt"][0] ?? ""),
    );

    // Assess: the one scheduled rule (the document bucket's rule reacts to S3 events).
    expect(rules).toHaveLength(1);
    const [ruleId, rule] = rules[0] ?? [];
    expect(QUEUE_TICKER_SCHEDULE).toBe("rate(1 minute)");
    expect(rule?.Properties).toMatchObject({ ScheduleExpression: "rate(1 minute)", State: "ENABLED" });
    expect(rule?.Properties.Targets).toEqual([
      {
        Arn: tickerArn,
        Id: expect.any(String),
        Input: JSON.stringify({ watchRounds: 8 }),
        RetryPolicy: { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 0 },
      },
    ]);
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      FunctionName: tickerArn,
      Principal: "events.amazonaws.com",
      SourceArn: { "Fn::GetAtt": [ruleId, "Arn"] },
    });
    template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: logicalId(stack.functions.queueTicker.function) },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 60,
    });
  });
});

describe("CarechatStack: least privilege", () => {
  it("lets the authorizer read revocation items only: no write, no Step Functions, no connections", () => {
    // Act
    const statements = statementsOfRole(logicalId(stack.functions.authorizer.role));
    const actions = actionsOf(statements);

    // Assess
    expect(actions.filter((action) => /^(dynamodb|states|execute-api):/.test(action)).sort()).toEqual([
      "dynamodb:BatchGetItem",
      "dynamodb:GetItem",
    ]);
    expect(statements.filter((statement) => JSON.stringify(statement).includes("dynamodb:"))).toEqual([
      expect.objectContaining({
        Effect: "Allow",
        Condition: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["REVOKED#*"] } },
      }),
    ]);
    expect(actions.sort()).toEqual(
      [
        "dynamodb:BatchGetItem",
        "dynamodb:GetItem",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
      ].sort(),
    );
  });

  it("lets the actions function start both workflows, answer handoff tasks and manage connections", () => {
    // Prepare
    const role = logicalId(stack.functions.actions.role);
    const statements = statementsOfRole(role);

    // Act
    const startExecution = statementsWith(role, "states:StartExecution");
    const taskResponse = statementsWith(role, "states:SendTaskSuccess");
    const manage = statementsWith(role, "execute-api:ManageConnections");

    // Assess
    expect(startExecution.map((statement) => statement.Resource)).toEqual([
      { Ref: logicalId(stack.closureWorkflow.stateMachine) },
      { Ref: logicalId(stack.handoffWorkflow.stateMachine) },
    ]);
    expect(taskResponse).toHaveLength(1);
    expect(taskResponse[0]?.Resource).toEqual(handoffArnFromName());
    expect(actionsOf(taskResponse).sort()).toEqual(["states:SendTaskSuccess"]);
    expect(JSON.stringify(manage[0]?.Resource)).toContain("/prod/*/@connections/*");
    expect(actionsOf(statements)).toEqual(expect.arrayContaining(["dynamodb:PutItem", "dynamodb:Query"]));
    expect(
      actionsOf(statements)
        .filter((action) => action.startsWith("states:"))
        .sort(),
    ).toEqual(["states:SendTaskSuccess", "states:StartExecution", "states:StartExecution"]);
  });

  it("lets chat-handoff answer its own state machine's tasks through the name-based ARN only", () => {
    // Prepare
    const { chatHandoff } = stack.functions;
    const role = logicalId(chatHandoff.role);
    const handoffMachine = logicalId(stack.handoffWorkflow.stateMachine);

    // Act
    const states = statementsOfRole(role).filter((statement) =>
      actionsOf([statement]).some((action) => action.startsWith("states:")),
    );
    const functionResource = template.findResources("AWS::Lambda::Function")[logicalId(chatHandoff.function)];

    // Assess
    expect(states).toHaveLength(1);
    expect(actionsOf(states)).toEqual(["states:SendTaskSuccess"]);
    expect(states[0]?.Resource).toEqual(handoffArnFromName());
    expect(JSON.stringify(states[0]?.Resource)).toContain(":stateMachine:carechat-us-east-1-chat-handoff");
    // Nothing of chat-handoff references the state machine that invokes it: no dependency cycle.
    expect(JSON.stringify(statementsOfRole(role))).not.toContain(handoffMachine);
    expect(JSON.stringify(functionResource)).not.toContain(handoffMachine);
    expect(actionsOf(statementsOfRole(role))).toEqual(
      expect.arrayContaining(["dynamodb:UpdateItem", "execute-api:ManageConnections"]),
    );
  });

  it("keeps connection management and Step Functions away from functions that do not need them", () => {
    // Prepare
    const { connect, disconnect, chatClosure, queueTicker } = stack.functions;

    // Act
    const connectActions = actionsOf(statementsOfRole(logicalId(connect.role)));
    const disconnectActions = actionsOf(statementsOfRole(logicalId(disconnect.role)));
    const closureStatements = statementsOfRole(logicalId(chatClosure.role));
    const tickerActions = actionsOf(statementsOfRole(logicalId(queueTicker.role)));

    // Assess
    for (const actions of [connectActions, disconnectActions]) {
      expect(actions.filter((action) => /^(states|execute-api):/.test(action))).toEqual([]);
    }
    expect(actionsOf(closureStatements)).toContain("execute-api:ManageConnections");
    // chat-closure answers handoff tasks (a freed agent slot dispatches a waiting chat), and holds nothing
    // on the closure state machine that invokes it (dependency cycle, STAND-INS.md).
    const closureStates = closureStatements.filter((statement) =>
      actionsOf([statement]).some((action) => action.startsWith("states:")),
    );
    expect(actionsOf(closureStates)).toEqual(["states:SendTaskSuccess"]);
    expect(closureStates[0]?.Resource).toEqual(handoffArnFromName());
    expect(JSON.stringify(closureStatements)).not.toContain(logicalId(stack.closureWorkflow.stateMachine));
    // The ticker reads and updates queue entries and posts frames: no Step Functions.
    expect(tickerActions.filter((action) => action.startsWith("states:"))).toEqual([]);
    expect(tickerActions).toContain("execute-api:ManageConnections");
  });

  it.each([
    ["closure", "closureWorkflow", "chatClosure"],
    ["handoff", "handoffWorkflow", "chatHandoff"],
  ] as const)("lets the %s state machine invoke exactly its task function", (_name, workflow, fn) => {
    // Act
    const statements = statementsOfRole(logicalId(stack[workflow].stateMachine.role));
    const invoke = statements.filter((statement) => actionsOf([statement]).includes("lambda:InvokeFunction"));

    // Assess
    expect(invoke).toHaveLength(1);
    expect(invoke[0]?.Resource).toEqual({ "Fn::GetAtt": [logicalId(stack.functions[fn].function), "Arn"] });
    expect(actionsOf(statements).filter((action) => action.startsWith("lambda:"))).toEqual([
      "lambda:InvokeFunction",
    ]);
  });

  it("attaches no AWS managed policy to any function or state machine role", () => {
    // Act
    const roles = Object.entries(template.findResources("AWS::IAM::Role"));

    // Assess
    const withManaged = roles.filter(([, role]) => role.Properties.ManagedPolicyArns !== undefined);
    expect(withManaged.map(([id]) => id)).toEqual([logicalId(stack.api.node.findChild("CloudWatchRole"))]);
  });
});

describe("CarechatStack: outputs and warnings", () => {
  it("outputs the WebSocket URL, management endpoint, table name, state machine and privacy function ARNs", () => {
    // Act
    const outputs = template.findOutputs("*");

    // Assess
    expect(Object.keys(outputs).sort()).toEqual(
      [
        "AlarmTopicArn",
        "ClosureStateMachineArn",
        "DashboardName",
        "EraseCustomerFunctionArn",
        "EventBusName",
        "HandoffStateMachineArn",
        "ManagementEndpoint",
        "RevokeFunctionArn",
        "TableName",
        "WebSocketUrl",
      ].sort(),
    );
    expect(outputs.HandoffStateMachineArn?.Value).toEqual({
      Ref: logicalId(stack.handoffWorkflow.stateMachine),
    });
    expect(JSON.stringify(outputs.WebSocketUrl?.Value)).toMatch(/"wss:\/\/".*\/prod"/);
    expect(JSON.stringify(outputs.ManagementEndpoint?.Value)).toMatch(/"https:\/\/".*\/prod"/);
  });

  it("raises no warning but the shipped routing file's placeholder numbers when issuer and origins are set", () => {
    // Act
    const warnings = Annotations.fromStack(stack).findWarning("*", Match.anyValue());

    // Assess
    const messages = warnings.map((warning) => String(warning.entry.data));
    expect(messages).toHaveLength(4);
    for (const country of ["CA", "GB", "JP", "MX"]) {
      expect(messages.filter((message) => message.includes(`contact number for ${country} `))).toHaveLength(
        1,
      );
    }
  });
});

describe("CarechatStack: the runtime contract", () => {
  it("gives every function each variable its contract requires and none it does not declare", () => {
    // Prepare
    const preset = new Set([
      "POWERTOOLS_SERVICE_NAME",
      "POWERTOOLS_METRICS_NAMESPACE",
      "POWERTOOLS_TRACE_ENABLED",
      "POWERTOOLS_TRACER_CAPTURE_RESPONSE",
      "LOG_LEVEL",
      "NODE_OPTIONS",
    ]);

    // Act
    const problems = Object.entries(stack.functions).flatMap(([name, fn]) => {
      const contract = FUNCTIONS[HANDLER_CONTRACTS[name as keyof typeof HANDLER_CONTRACTS]];
      const declared = new Set<string>([...contract.required, ...contract.optional]);
      const variables = Object.keys(environmentOf(logicalId(fn.function)));
      return [
        ...contract.required
          .filter((variable) => !variables.includes(variable))
          .map((v) => `${name} lacks ${v}`),
        ...variables
          .filter((v) => !declared.has(v) && !preset.has(v))
          .map((v) => `${name} gets undeclared ${v}`),
      ];
    });

    // Assess
    expect(problems).toEqual([]);
  });
});

describe("CarechatStack: tracing", () => {
  it("traces every function (active X-Ray, the Powertools tracer on) and every state machine", () => {
    // Act
    const functions = Object.values(template.findResources("AWS::Lambda::Function")).map(
      (resource) => resource.Properties,
    );
    const carechat = functions.filter(
      (fn) => fn.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === "carechat",
    );
    const machines = Object.values(template.findResources("AWS::StepFunctions::StateMachine"));

    // Assess
    expect(carechat.length).toBeGreaterThanOrEqual(9);
    for (const fn of carechat) {
      expect(fn.TracingConfig).toEqual({ Mode: "Active" });
      expect(fn.Environment.Variables.POWERTOOLS_TRACE_ENABLED).toBe("true");
      expect(fn.Environment.Variables.POWERTOOLS_TRACER_CAPTURE_RESPONSE).toBe("false");
    }
    expect(machines.length).toBe(2);
    for (const machine of machines)
      expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
  });

  it("wraps every handler in the tracer's middleware", () => {
    // Prepare
    const handlers = Object.values(FUNCTIONS).map((fn) => readFileSync(`${REPO_ROOT}/${fn.entry}`, "utf8"));

    // Assess
    for (const source of handlers) expect(source).toContain(".use(traceHandler())");
  });
});
