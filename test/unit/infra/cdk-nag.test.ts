import { readFileSync } from "node:fs";
import * as path from "node:path";
import { App, Stack, Validations } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import { WebSocketMockIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as iam from "aws-cdk-lib/aws-iam";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import { AwsSolutionsChecks } from "cdk-nag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientActions } from "../../../functions/lib/protocol/client-frames.ts";
import type { CarechatApp } from "../../../infra/carechat-app.ts";
import { createTestApp, removeTestOutdirs, SYNTH_TIMEOUT_MS, TEST_JWT, testOutdir } from "./synth-helpers.ts";

/**
 * cdk-nag 3 is a CDK policy-validation plugin, not an Aspect: it adds no annotations. It reports
 * through the validation report written at synth (`validation-report.json` in the cloud assembly),
 * and in-memory synth (vitest sets NODE_ENV=test) throws when an error-level finding is left.
 */

interface ValidationReport {
  readonly pluginReports: {
    readonly pluginName: string;
    readonly violations: {
      readonly ruleName: string;
      readonly violatingConstructs?: { constructPath: string }[];
    }[];
  }[];
}

let carechat: CarechatApp;
let assembly: CloudAssembly;

beforeAll(() => {
  carechat = createTestApp({
    regions: ["us-east-1", "eu-west-1"],
    stackProps: { jwt: TEST_JWT },
  });
  assembly = carechat.app.synth();
}, SYNTH_TIMEOUT_MS);

afterAll(removeTestOutdirs);

function describeViolations(report: ValidationReport): string[] {
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.map(
      (violation) =>
        `${plugin.pluginName} ${violation.ruleName}: ${violation.violatingConstructs?.map((c) => c.constructPath).join(", ")}`,
    ),
  );
}

/** Every acknowledgement recorded in the construct tree, as `{ path, id, reason }`. */
function acknowledgements(app: App): { path: string; id: string; reason: string }[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ""),
          reason,
        })),
      ),
  );
}

describe("cdk-nag AwsSolutions checks", () => {
  it("leaves no unacknowledged finding in the synth validation report (nor a CloudFormation validation issue)", () => {
    // Act
    const report = JSON.parse(
      readFileSync(path.join(assembly.directory, "validation-report.json"), "utf8"),
    ) as ValidationReport;

    // Assess
    expect(describeViolations(report)).toEqual([]);
  });

  it("finds nothing unacknowledged when the pack validates the tree directly", () => {
    // Prepare
    const pack = new AwsSolutionsChecks();

    // Act
    const result = pack.validateScope(carechat.app);

    // Assess
    expect(result.violations.map((violation) => violation.ruleName)).toEqual([]);
    expect(result.success).toBe(true);
  });

  it("adds no AwsSolutions error or warning annotation to any regional stack", () => {
    // Act
    const found = carechat.stacks.flatMap((stack) => [
      ...Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")),
      ...Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")),
    ]);

    // Assess
    expect(found).toEqual([]);
  });

  it("acknowledges only the expected AwsSolutions findings, each with a specific reason", () => {
    // Prepare
    const generalize = (id: string) => id.replace(/<WebSocketApi[0-9A-F]{8}>/, "<WebSocketApi>");

    // Act
    const acknowledged = acknowledgements(carechat.app);
    const byRule = new Map<string, number>();
    for (const { id } of acknowledged) byRule.set(generalize(id), (byRule.get(generalize(id)) ?? 0) + 1);

    // Assess
    for (const { id, reason } of acknowledged) {
      expect(id).toMatch(/^AwsSolutions-/);
      expect(reason.length).toBeGreaterThan(80);
    }
    const perStack = Object.fromEntries(
      [...byRule].map(([id, count]) => [id, count / carechat.stacks.length]),
    );
    expect(perStack).toEqual({
      // Every route other than $connect ($disconnect, $default, one per action): WebSocket APIs authorize on $connect only.
      "AwsSolutions-APIG4": clientActions.length + 2,
      // 11 functions pinned to nodejs22.x.
      "AwsSolutions-L1": 11,
      // X-Ray (11 function tracing policies) and the 2 state machines' CDK-managed logging/X-Ray statements.
      "AwsSolutions-IAM5[Resource::*]": 13,
      // Document uploads: actions signs staged POSTs and attachment GETs; upload-received works on both
      // prefixes (one per function and prefix); the access-log bucket.
      "AwsSolutions-IAM5[Resource::<DocumentsBucket089EA665.Arn>/attachments/*]": 2,
      "AwsSolutions-IAM5[Resource::<DocumentsBucket089EA665.Arn>/incoming/*]": 2,
      "AwsSolutions-S1": 1,
      // ManageConnections for the actions, chat-closure, chat-handoff, queue-ticker, revoke, reconciler and
      // upload-received functions (one acknowledgement on each default policy; each region's id appears
      // in one of the two stacks).
      "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:us-east-1:<AWS::AccountId>:<WebSocketApi>/prod/*/@connections/*]": 3.5,
      "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:eu-west-1:<AWS::AccountId>:<WebSocketApi>/prod/*/@connections/*]": 3.5,
      // The reconciler reads the status of the handoff executions it may restart (one region per stack).
      "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:us-east-1:<AWS::AccountId>:execution:carechat-us-east-1-chat-handoff:*]": 0.5,
      "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:eu-west-1:<AWS::AccountId>:execution:carechat-eu-west-1-chat-handoff:*]": 0.5,
      // The alarm topic, created without a customer managed key.
      "AwsSolutions-SNS2": 1,
      // The API Gateway account logging role.
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]": 1,
    });
  });
});

describe("dependency cycles", () => {
  it("synthesizes both regional stacks without a circular dependency", () => {
    // Act
    const report = JSON.parse(
      readFileSync(path.join(assembly.directory, "validation-report.json"), "utf8"),
    ) as ValidationReport;

    // Assess
    expect(assembly.stacks.map((artifact) => artifact.stackName).sort()).toEqual([
      "carechat-eu-west-1",
      "carechat-us-east-1",
    ]);
    expect(report.pluginReports.flatMap((plugin) => plugin.violations.map((v) => v.ruleName))).not.toContain(
      "F3004",
    );
  });
});

describe("cdk-nag harness", () => {
  it("does report findings, and an acknowledgement covers only the exact finding it names", () => {
    // Prepare
    const app = new App({ outdir: testOutdir() });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stack = new Stack(app, "Unsafe");
    const role = new iam.Role(stack, "Role", { assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com") });
    role.addToPolicy(new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: ["*"] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ["dynamodb:*"], resources: ["arn:aws:dynamodb:*"] }));
    Validations.of(role).acknowledge({ id: "AwsSolutions-IAM5[Resource::*]", reason: "test" });
    const api = new apigwv2.WebSocketApi(stack, "Api");
    api.addRoute("anything", { integration: new WebSocketMockIntegration("Mock") });

    // Act
    const result = new AwsSolutionsChecks().validateScope(app);

    // Assess
    expect(result.violations.map((violation) => violation.ruleName).sort()).toEqual([
      "AwsSolutions-APIG4",
      "AwsSolutions-IAM5[Action::dynamodb:*]",
      "AwsSolutions-IAM5[Resource::arn:aws:dynamodb:*]",
    ]);
    expect(() => app.synth()).toThrow(/AwsSolutions-APIG4/);
  });
});
