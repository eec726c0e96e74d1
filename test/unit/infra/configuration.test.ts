import { App, type CfnElement, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_REGION, parseRegions, VALIDATE_AGAINST_DEFAULT_RULES } from "../../../infra/carechat-app.ts";
import { ChatTable } from "../../../infra/constructs/chat-table.ts";
import { ChatWorkflow } from "../../../infra/constructs/chat-workflow.ts";
import { WebSocketChatApi } from "../../../infra/constructs/websocket-chat-api.ts";
import { jwtAuthConfigFromContext, PLACEHOLDER_JWT_AUTH } from "../../../infra/stacks/jwt-auth-config.ts";
import { createTestApp, removeTestOutdirs, testOutdir } from "./synth-helpers.ts";

afterAll(removeTestOutdirs);

function functionEnvironment(
  template: Template,
  stack: Stack,
  fn: lambda.IFunction,
): Record<string, unknown> {
  const id = stack.getLogicalId(fn.node.defaultChild as CfnElement);
  return template.findResources("AWS::Lambda::Function")[id]?.Properties.Environment.Variables;
}

function inlineFunction(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: "index.handler",
    code: lambda.Code.fromInline("export const handler = async () => ({ statusCode: 200 });"),
  });
}

describe("JWT configuration from context", () => {
  it.each([
    ["nothing", {}, undefined],
    [
      "a JWKS issuer with audience",
      { jwtIssuer: "https://id.example/", jwtJwksUri: "https://id.example/jwks", jwtAudience: "a,b" },
      { issuer: "https://id.example/", jwksUri: "https://id.example/jwks", audience: "a,b" },
    ],
    [
      "a JWKS issuer with its claim mapping and lifetime",
      {
        jwtIssuer: "https://id.example/",
        jwtJwksUri: "https://id.example/jwks",
        jwtAudience: "carechat",
        roleClaim: "https://bank.example/role",
        queuesClaim: "https://bank.example/queues",
        maxTokenLifetimeSeconds: "3600",
      },
      {
        issuer: "https://id.example/",
        jwksUri: "https://id.example/jwks",
        audience: "carechat",
        roleClaim: "https://bank.example/role",
        queuesClaim: "https://bank.example/queues",
        maxTokenLifetimeSeconds: 3600,
      },
    ],
    [
      "a Cognito user pool",
      { cognitoUserPoolId: "us-east-1_Abc", cognitoClientId: "client" },
      { cognitoUserPoolId: "us-east-1_Abc", cognitoClientId: "client" },
    ],
  ])("reads %s", (_name, context, expected) => {
    // Prepare
    const app = new App({ context, outdir: testOutdir() });

    // Act
    const config = jwtAuthConfigFromContext(app);

    // Assess
    expect(config).toEqual(expected);
  });

  it.each([
    ["an issuer without JWKS URI", { jwtIssuer: "https://id.example/" }, /set together/],
    [
      "an issuer without audience",
      { jwtIssuer: "https://id.example/", jwtJwksUri: "https://id.example/jwks" },
      /jwtAudience must be set together/,
    ],
    ["an audience alone", { jwtAudience: "carechat" }, /set together/],
    ["a pool without client", { cognitoUserPoolId: "us-east-1_Abc" }, /set together/],
    [
      "both kinds",
      { jwtIssuer: "https://x/", jwtJwksUri: "https://x/j", cognitoUserPoolId: "p" },
      /not both/,
    ],
  ])("refuses %s", (_name, context, message) => {
    // Prepare
    const app = new App({ context, outdir: testOutdir() });

    // Act
    const read = () => jwtAuthConfigFromContext(app);

    // Assess
    expect(read).toThrow(message);
  });
});

describe("regions", () => {
  it.each([
    [undefined, [DEFAULT_REGION]],
    ["", [DEFAULT_REGION]],
    ["eu-west-1", ["eu-west-1"]],
    [" us-east-1, eu-west-1 ,us-east-1", ["us-east-1", "eu-west-1"]],
    [
      ["ap-southeast-2", "us-gov-west-1"],
      ["ap-southeast-2", "us-gov-west-1"],
    ],
  ])("parses %j", (value, expected) => {
    // Act
    const regions = parseRegions(value);

    // Assess
    expect(regions).toEqual(expected);
  });

  it("refuses what is not a region name", () => {
    // Act
    const parse = () => parseRegions("us-east-1,Frankfurt");

    // Assess
    expect(parse).toThrow(/"Frankfurt" is not an AWS region name/);
  });

  it("creates one carechat-<region> stack per region in the regions context", () => {
    // Prepare
    const context = {
      regions: "us-east-1,eu-west-1",
      jwtIssuer: "https://id.example/",
      jwtJwksUri: "https://j/",
      jwtAudience: "carechat",
    };

    // Act
    const { stacks } = createTestApp({ context, nag: false });

    // Assess
    expect(stacks.map((stack) => [stack.stackName, stack.region])).toEqual([
      ["carechat-us-east-1", "us-east-1"],
      ["carechat-eu-west-1", "eu-west-1"],
    ]);
  });
});

describe("CarechatStack configuration", () => {
  it("falls back to the placeholder issuer with a warning and an output when no JWT issuer is set", () => {
    // Prepare
    const { stacks } = createTestApp({ nag: false });
    const stack = stacks[0] as (typeof stacks)[number];

    // Act
    const template = Template.fromStack(stack);

    // Assess
    expect(stack.jwt).toEqual(PLACEHOLDER_JWT_AUTH);
    expect(functionEnvironment(template, stack, stack.functions.authorizer.function)).toMatchObject({
      JWT_ISSUER: "https://auth.example.com/",
      JWT_JWKS_URI: "https://auth.example.com/.well-known/jwks.json",
    });
    const warnings = Annotations.fromStack(stack).findWarning(
      "*",
      Match.stringLikeRegexp("placeholder issuer"),
    );
    expect(warnings).toHaveLength(1);
    expect(template.findOutputs("JwtConfigurationWarning")).not.toEqual({});
  });

  it("configures a Cognito authorizer and a destroyable table from context", () => {
    // Prepare
    const context = {
      cognitoUserPoolId: "us-east-1_Abc",
      cognitoClientId: "client-1",
      tableRemovalPolicy: "destroy",
    };
    const { stacks } = createTestApp({ context, nag: false });
    const stack = stacks[0] as (typeof stacks)[number];

    // Act
    const template = Template.fromStack(stack);

    // Assess
    const environment = functionEnvironment(template, stack, stack.functions.authorizer.function);
    expect(environment).toMatchObject({
      COGNITO_USER_POOL_ID: "us-east-1_Abc",
      COGNITO_CLIENT_ID: "client-1",
    });
    expect(environment).toMatchObject({ ROLE_CLAIM: "cognito:groups", QUEUES_CLAIM: "cognito:groups" });
    expect(Object.keys(environment).filter((name) => /^JWT_(ISSUER|JWKS_URI|AUDIENCE)$/.test(name))).toEqual(
      [],
    );
    template.hasResource("AWS::DynamoDB::GlobalTable", { DeletionPolicy: "Delete" });
    template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
    expect(template.findOutputs("JwtConfigurationWarning")).toEqual({});
  });

  it("names the handoff state machine from a prop and grants its callbacks on that name", () => {
    // Prepare
    const stackProps = {
      jwt: { issuer: "https://id.example/", jwksUri: "https://j/", audience: "carechat" },
    };
    const { stacks } = createTestApp({
      nag: false,
      stackProps: { ...stackProps, handoffStateMachineName: "handoff-blue" },
    });
    const stack = stacks[0] as (typeof stacks)[number];

    // Act
    const template = Template.fromStack(stack);

    // Assess
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", {
      StateMachineName: "handoff-blue",
      StateMachineType: "STANDARD",
    });
    expect(
      JSON.stringify(functionEnvironment(template, stack, stack.functions.chatHandoff.function)),
    ).toContain(":stateMachine:handoff-blue");
    template.hasResourceProperties("AWS::IAM::Policy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: "states:SendTaskSuccess",
            Resource: Match.objectLike({ "Fn::Join": ["", Match.arrayWith([":stateMachine:handoff-blue"])] }),
          }),
        ]),
      },
    });
  });

  it("refuses an unknown table removal policy", () => {
    // Act
    const create = () => createTestApp({ context: { tableRemovalPolicy: "snapshot-maybe" }, nag: false });

    // Assess
    expect(create).toThrow(/tableRemovalPolicy/);
  });

  it("gives the authorizer the allowed origins and lifetime maximum from context", () => {
    // Prepare
    const context = {
      jwtIssuer: "https://id.example/",
      jwtJwksUri: "https://j/",
      jwtAudience: "carechat",
      allowedOrigins: "https://chat.bank.example, https://app.bank.example:8443",
      maxTokenLifetimeSeconds: "3600",
    };
    const { stacks } = createTestApp({ context, nag: false });
    const stack = stacks[0] as (typeof stacks)[number];

    // Act
    const template = Template.fromStack(stack);

    // Assess
    expect(functionEnvironment(template, stack, stack.functions.authorizer.function)).toMatchObject({
      ALLOWED_ORIGINS: "https://chat.bank.example,https://app.bank.example:8443",
      MAX_TOKEN_LIFETIME_SECONDS: "3600",
      JWT_AUDIENCE: "carechat",
    });
    expect(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("allowedOrigins"))).toEqual(
      [],
    );
  });

  it.each([
    ["an origin with a path", { allowedOrigins: "https://bank.example/chat" }, /allowedOrigins/],
    ["a wildcard origin", { allowedOrigins: "*" }, /allowedOrigins/],
    ["a lifetime that is not a number", { maxTokenLifetimeSeconds: "12h" }, /maxTokenLifetimeSeconds/],
  ])("refuses to synth with %s", (_case, extra, message) => {
    // Act
    const create = () =>
      createTestApp({
        context: { jwtIssuer: "https://id.example/", jwtJwksUri: "https://j/", jwtAudience: "a", ...extra },
        nag: false,
      });

    // Assess
    expect(create).toThrow(message);
  });

  it("refuses a jwt prop without audience", () => {
    // Act
    const create = () =>
      createTestApp({
        nag: false,
        stackProps: { jwt: { issuer: "https://id.example/", jwksUri: "https://j/" } as never },
      });

    // Assess
    expect(create).toThrow(/audience/);
  });
});

describe("ChatTable options", () => {
  it("adds a NEW_AND_OLD_IMAGES stream and a customer managed key on request, and grants the key", () => {
    // Prepare
    const stack = new Stack(new App({ outdir: testOutdir() }), "Table", { env: { region: "us-east-1" } });
    const key = new kms.Key(stack, "Key", { enableKeyRotation: true });
    const table = new ChatTable(stack, "Chat", { stream: true, encryptionKey: key });
    const role = new iam.Role(stack, "Reader", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
    });

    // Act
    table.grantReadWriteData(role);
    const template = Template.fromStack(stack);

    // Assess
    template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      StreamSpecification: { StreamViewType: "NEW_AND_OLD_IMAGES" },
      SSESpecification: { SSEEnabled: true, SSEType: "KMS" },
      Replicas: [Match.objectLike({ SSESpecification: { KMSMasterKeyId: Match.anyValue() } })],
    });
    const statements = Object.values(template.findResources("AWS::IAM::Policy")).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[],
    );
    expect(statements.flatMap((statement) => [statement.Action].flat())).toEqual(
      expect.arrayContaining(["kms:Decrypt", "kms:Encrypt", "dynamodb:PutItem"]),
    );
  });
});

describe("ChatWorkflow", () => {
  it("refuses a definition whose placeholders have no substitution", () => {
    // Prepare
    const stack = new Stack(new App({ outdir: testOutdir() }), "Workflow");

    // Act
    const create = () =>
      new ChatWorkflow(stack, "Flow", {
        definitionFile: "test/unit/infra/fixtures/unknown-placeholder.asl.json",
      });

    // Assess
    expect(create).toThrow(/\$\{SomeFunctionArn\}/);
  });

  it("refuses an invalid state machine name, and a name-based ARN without a name", () => {
    // Prepare
    const stack = new Stack(new App({ outdir: testOutdir() }), "Workflow");
    const unnamed = new ChatWorkflow(stack, "Unnamed", {
      definitionFile: "state-machines/chat-closure.asl.json",
      definitionSubstitutions: { ChatClosureFunctionArn: "arn:aws:lambda:us-east-1:1:function:f" },
    });

    // Act
    const badName = () =>
      new ChatWorkflow(stack, "Bad", {
        definitionFile: "state-machines/chat-closure.asl.json",
        definitionSubstitutions: { ChatClosureFunctionArn: "arn:aws:lambda:us-east-1:1:function:f" },
        stateMachineName: "no spaces allowed",
      });
    const arn = () => unnamed.arnFromName;

    // Assess
    expect(badName).toThrow(/must be 1 to 80 letters/);
    expect(arn).toThrow(/needs a fixed stateMachineName/);
  });

  it.each([
    ["the state machine's own ARN (StateMachine.grantTaskResponse)", false],
    ["the name-based ARN (ChatWorkflow.grantTaskResponse)", true],
  ])("fails the synth on the task-function cycle, unless the callback grant uses %s", (_name, nameBased) => {
    // Prepare
    const { app } = createTestApp({ regions: [], nag: false });
    const stack = new Stack(app, "Cycle", { env: { region: "us-east-1" } });
    const fn = inlineFunction(stack, "Task");
    const workflow = new ChatWorkflow(stack, "Flow", {
      definitionFile: "state-machines/chat-handoff.asl.json",
      definitionSubstitutions: { ChatHandoffFunctionArn: fn.functionArn },
      taskFunctions: [fn],
      stateMachineName: "cycle-handoff",
    });

    // Act
    if (nameBased) workflow.grantTaskResponse(fn);
    else workflow.stateMachine.grantTaskResponse(fn);
    const synth = () => app.synth();

    // Assess
    expect(app.node.tryGetContext(VALIDATE_AGAINST_DEFAULT_RULES)).toBe(true);
    if (nameBased) expect(synth).not.toThrow();
    else expect(synth).toThrow(/Circular dependency/);
  });
});

describe("WebSocketChatApi options", () => {
  it("takes the action routes from props and can leave the account logging role alone", () => {
    // Prepare
    const stack = new Stack(new App({ outdir: testOutdir() }), "Api", { env: { region: "us-east-1" } });
    const fn = inlineFunction(stack, "Fn");

    // Act
    const api = new WebSocketChatApi(stack, "Chat", {
      authorizerHandler: inlineFunction(stack, "Authorizer"),
      connectHandler: fn,
      disconnectHandler: fn,
      actionsHandler: fn,
      actionRoutes: ["ping"],
      stageName: "dev",
      configureAccountLoggingRole: false,
    });
    const template = Template.fromStack(stack);

    // Assess
    const routeKeys = Object.values(template.findResources("AWS::ApiGatewayV2::Route")).map(
      (route) => route.Properties.RouteKey,
    );
    expect(routeKeys.sort()).toEqual(["$connect", "$default", "$disconnect", "ping"]);
    template.resourceCountIs("AWS::ApiGateway::Account", 0);
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", { StageName: "dev" });
    expect(stack.resolve(api.managementEndpoint)).toEqual({
      "Fn::Join": [
        "",
        [
          "https://",
          { Ref: expect.any(String) },
          ".execute-api.us-east-1.",
          { Ref: "AWS::URLSuffix" },
          "/dev",
        ],
      ],
    });
  });
});
