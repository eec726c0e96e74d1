import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_FILE } from "../../../infra/routing/routing-file.ts";
import type { CarechatStack } from "../../../infra/stacks/carechat-stack.ts";
import { createTestApp, removeTestOutdirs, SYNTH_TIMEOUT_MS, TEST_JWT } from "./synth-helpers.ts";
import { logicalIdOf, statementsFor, statementsOfRole } from "./template-helpers.ts";

const dir = mkdtempSync(path.join(tmpdir(), "carechat-deploy-"));
const ALARM_TOPIC = "arn:aws:sns:us-east-1:123456789012:bank-ops";

/** A bank's routing file: the shipped one with its real numbers. */
function bankRoutingFile(): string {
  const config = JSON.parse(readFileSync(DEFAULT_ROUTING_FILE, "utf8")) as Record<string, unknown>;
  config.contactNumbers = {
    US: "1-800-528-4800",
    GB: "0800 917 8047",
    CA: "1-800-668-2639",
    MX: "800 504 0400",
    JP: "0120-020-222",
  };
  const file = path.join(dir, "bank-routing.json");
  writeFileSync(file, JSON.stringify(config));
  return file;
}

let stack: CarechatStack;
let template: Template;
let assembly: CloudAssembly;

beforeAll(() => {
  const context = {
    routingFile: bankRoutingFile(),
    allowedOrigins: "https://chat.bank.example",
    memorySize: "1024",
    logRetentionDays: "90",
    throttlingRateLimit: "50",
    throttlingBurstLimit: "80",
    actionsReservedConcurrency: "200",
    createKmsKey: "true",
    manageApiGatewayAccountRole: "false",
    alarmTopicArn: ALARM_TOPIC,
    hostPages: "true",
    pagesDir: path.join(dir, "no-pages-built"),
  };
  const carechat = createTestApp({ context, stackProps: { jwt: TEST_JWT } });
  assembly = carechat.app.synth();
  stack = carechat.stacks[0] as CarechatStack;
  template = Template.fromStack(stack);
}, SYNTH_TIMEOUT_MS);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeTestOutdirs();
});

const keyArn = () => ({ "Fn::GetAtt": [logicalIdOf(stack, stack.encryptionKey as never), "Arn"] });

describe("a bank's deployment from context", () => {
  it("stays cdk-nag clean with a customer managed key, hosted pages and an existing alarm topic", () => {
    // Act
    const report = JSON.parse(readFileSync(path.join(assembly.directory, "validation-report.json"), "utf8"));

    // Assess
    expect(report.pluginReports.flatMap((plugin: { violations: unknown[] }) => plugin.violations)).toEqual(
      [],
    );
  });

  it("encrypts the table and every log group with the created, rotated key", () => {
    // Act
    const logGroups = Object.values(template.findResources("AWS::Logs::LogGroup"));

    // Assess
    template.hasResourceProperties("AWS::KMS::Key", { EnableKeyRotation: true });
    template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      SSESpecification: { SSEEnabled: true, SSEType: "KMS" },
      Replicas: [Match.objectLike({ SSESpecification: { KMSMasterKeyId: keyArn() } })],
    });
    expect(logGroups).toHaveLength(11 + 1 + 2);
    for (const logGroup of logGroups) {
      expect(logGroup.Properties).toMatchObject({ KmsKeyId: keyArn(), RetentionInDays: 90 });
    }
  });

  it("lets CloudWatch Logs of this account and region, and CloudWatch alarms, use the key", () => {
    // Act
    const statements = Object.values(template.findResources("AWS::KMS::Key"))[0]?.Properties.KeyPolicy
      .Statement;

    // Assess
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Principal: { Service: "logs.us-east-1.amazonaws.com" },
          Condition: {
            ArnLike: {
              "kms:EncryptionContext:aws:logs:arn": {
                "Fn::Join": [
                  "",
                  [
                    "arn:",
                    { Ref: "AWS::Partition" },
                    ":logs:us-east-1:",
                    { Ref: "AWS::AccountId" },
                    ":log-group:*",
                  ],
                ],
              },
            },
          },
        }),
        expect.objectContaining({ Principal: { Service: "cloudwatch.amazonaws.com" } }),
      ]),
    );
  });

  it("gives table users the key's data actions and the authorizer, a reader of revocations, decrypt only", () => {
    // Act
    const kmsOf = (name: keyof CarechatStack["functions"]) =>
      statementsFor(statementsOfRole(template, logicalIdOf(stack, stack.functions[name].role)), "kms:");

    // Assess
    expect(kmsOf("connect")).toEqual([
      { Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], Resource: keyArn() },
    ]);
    expect(kmsOf("authorizer")).toEqual([{ Effect: "Allow", Action: "kms:Decrypt", Resource: keyArn() }]);
  });

  it("applies memory, stage throttles, the actions function's reserved concurrency, and leaves the account's API Gateway logging role alone", () => {
    // Act
    const functions = Object.values(template.findResources("AWS::Lambda::Function")).filter(
      (fn) => fn.Properties.Runtime === "nodejs22.x",
    );

    // Assess
    expect(functions).toHaveLength(11);
    for (const fn of functions) expect(fn.Properties.MemorySize).toBe(1024);
    // Only the actions function has a cap of its own: the others keep the account's unreserved pool.
    const reserved = functions.filter((fn) => fn.Properties.ReservedConcurrentExecutions !== undefined);
    expect(
      reserved.map((fn) => [fn.Properties.Description, fn.Properties.ReservedConcurrentExecutions]),
    ).toEqual([[expect.stringContaining("client actions"), 200]]);
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 80 }),
    });
    template.resourceCountIs("AWS::ApiGateway::Account", 0);
  });

  it("sends every alarm to the bank's topic and creates none", () => {
    // Act
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm"));

    // Assess
    template.resourceCountIs("AWS::SNS::Topic", 0);
    expect(alarms.length).toBeGreaterThanOrEqual(26);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([ALARM_TOPIC]);
  });

  it("allows the configured origin and the hosted pages' origin at $connect", () => {
    // Act
    const variables =
      template.findResources("AWS::Lambda::Function")[logicalIdOf(stack, stack.functions.authorizer.function)]
        ?.Properties.Environment.Variables;

    // Assess
    expect(variables.ALLOWED_ORIGINS).toEqual({
      "Fn::Join": [
        "",
        [
          "https://chat.bank.example,https://",
          { "Fn::GetAtt": [logicalIdOf(stack, stack.pages?.distribution as never), "DomainName"] },
        ],
      ],
    });
    expect(template.findOutputs("PagesUrl")).not.toEqual({});
  });

  it("warns about nothing but the pages that were not built", () => {
    // Act
    const warnings = Annotations.fromStack(stack).findWarning("*", Match.anyValue());

    // Assess
    expect(warnings.map((warning) => String(warning.entry.data))).toEqual([
      expect.stringContaining("Pages directory"),
    ]);
  });
});

describe("an existing key, no alarms", () => {
  it(
    "encrypts the table with the key it is given, grants it, and creates no alarm, topic or dashboard",
    () => {
      // Prepare
      const context = {
        kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        alarms: "false",
      };

      // Act
      const { stacks } = createTestApp({
        nag: false,
        context,
        stackProps: { jwt: TEST_JWT, allowedOrigins: ["https://a.bank.example"] },
      });
      const imported = stacks[0] as CarechatStack;
      const result = Template.fromStack(imported);

      // Assess
      result.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
        Replicas: [Match.objectLike({ SSESpecification: { KMSMasterKeyId: context.kmsKeyArn } })],
      });
      result.resourceCountIs("AWS::KMS::Key", 0);
      result.resourceCountIs("AWS::CloudWatch::Alarm", 0);
      result.resourceCountIs("AWS::CloudWatch::Dashboard", 0);
      result.resourceCountIs("AWS::SNS::Topic", 0);
      const actionsRole = logicalIdOf(imported, imported.functions.actions.role);
      expect(statementsFor(statementsOfRole(result, actionsRole), "kms:")).toEqual([
        {
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
          Resource: context.kmsKeyArn,
        },
        // The document bucket's objects, with the same key: sign uploads (SSE-KMS) and downloads.
        { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: context.kmsKeyArn },
      ]);
    },
    SYNTH_TIMEOUT_MS,
  );
});

describe("a deployment that cannot work", () => {
  it("fails synth on an invalid routing file, naming the file and the problem", () => {
    // Prepare
    const file = path.join(dir, "invalid.json");
    writeFileSync(
      file,
      JSON.stringify({ version: "x", queues: [], defaultQueueId: "a", supervisorQueueId: "b" }),
    );

    // Act
    const create = () =>
      createTestApp({ nag: false, context: { routingFile: file }, stackProps: { jwt: TEST_JWT } });

    // Assess
    expect(create).toThrow(/invalid\.json: Invalid routing configuration/);
  });

  it("fails synth on an origin with a path", () => {
    // Act
    const create = () =>
      createTestApp({
        nag: false,
        context: { allowedOrigins: "https://chat.bank.example/app" },
        stackProps: { jwt: TEST_JWT },
      });

    // Assess
    expect(create).toThrow(/allowedOrigins/);
  });
});
