import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { describe, expect, it } from "vitest";
import { DocumentBucket } from "../../../infra/constructs/document-bucket.ts";

function synth(malwareScanning: boolean) {
  const stack = new Stack(new App(), "Test", { env: { account: "111111111111", region: "us-east-1" } });
  const documents = new DocumentBucket(stack, "Documents", {
    allowedOrigins: ["https://chat.bank.test"],
    retentionDays: 400,
    malwareScanning,
  });
  const fn = (id: string) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: "index.handler",
      code: lambda.Code.fromInline("exports.handler = async () => undefined"),
    });
  const actions = fn("Actions");
  const received = fn("Received");
  documents.grantSigning(actions);
  documents.grantProcessing(received);
  documents.notify(received);
  return Template.fromStack(stack);
}

describe("DocumentBucket", () => {
  it("is private, KMS-encrypted, TLS-only, logged, CORS-limited to the pages and expires what it holds", () => {
    // Act
    const template = synth(false);

    // Assess
    template.hasResourceProperties("AWS::S3::Bucket", {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: "aws:kms" }) }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: "documents/" }),
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({ AllowedOrigins: ["https://chat.bank.test"], AllowedMethods: ["POST", "GET"] }),
        ],
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: "incoming/", ExpirationInDays: 1 }),
          Match.objectLike({ Prefix: "attachments/", ExpirationInDays: 400 }),
        ]),
      },
    });
    template.hasResourceProperties("AWS::KMS::Key", { EnableKeyRotation: true });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
    template.hasResourceProperties("AWS::S3::Bucket", {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: Match.objectLike({
        source: ["aws.s3"],
        "detail-type": ["Object Created"],
        detail: Match.objectLike({ object: { key: [{ prefix: "incoming/" }] } }),
      }),
    });
    template.resourceCountIs("Custom::S3BucketNotifications", 0);
    template.resourceCountIs("AWS::GuardDuty::MalwareProtectionPlan", 0);
  });

  it("grants the signer only PutObject on staged keys and GetObject on stored ones", () => {
    // Act
    const template = synth(false);
    const policies = template.findResources("AWS::IAM::Policy");
    const signer = Object.entries(policies).find(([id]) => id.startsWith("ActionsServiceRole"))?.[1];
    const statements = (signer?.Properties.PolicyDocument.Statement ?? []) as { Action: string | string[] }[];

    // Assess
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    expect(actions.sort()).toEqual(["kms:Decrypt", "kms:GenerateDataKey", "s3:GetObject", "s3:PutObject"]);
  });

  it("with malware scanning: a GuardDuty plan on staged keys, verdicts to the function, unscanned reads denied", () => {
    // Act
    const template = synth(true);

    // Assess
    template.hasResourceProperties("AWS::GuardDuty::MalwareProtectionPlan", {
      ProtectedResource: { S3Bucket: Match.objectLike({ ObjectPrefixes: ["incoming/"] }) },
      Actions: { Tagging: { Status: "ENABLED" } },
    });
    template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: Match.objectLike({
        source: ["aws.guardduty"],
        "detail-type": ["GuardDuty Malware Protection Object Scan Result"],
      }),
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Action: "s3:GetObject",
            Condition: {
              StringNotEquals: { "s3:ExistingObjectTag/GuardDutyMalwareScanStatus": "NO_THREATS_FOUND" },
            },
          }),
        ]),
      },
    });
    template.resourceCountIs("AWS::Events::Rule", 1);
  });
});
