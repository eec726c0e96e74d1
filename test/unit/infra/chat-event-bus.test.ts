import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import type * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { describe, expect, it } from "vitest";
import { ChatEventBus } from "../../../infra/constructs/chat-event-bus.ts";

function synth(props: { archiveRetentionDays?: number; encrypted?: boolean } = {}) {
  const app = new App();
  const stack = new Stack(app, "Events", { env: { region: "us-east-1", account: "111111111111" } });
  const publisher = new lambda.Function(stack, "Publisher", {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: "index.handler",
    code: lambda.Code.fromInline("export const handler = async () => {};"),
  });
  const reader = new lambda.Function(stack, "Reader", {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: "index.handler",
    code: lambda.Code.fromInline("export const handler = async () => {};"),
  });
  const encryptionKey = props.encrypted ? new kms.Key(stack, "Key") : undefined;
  const events = new ChatEventBus(stack, "ChatEvents", {
    publishers: [publisher],
    archiveRetentionDays: props.archiveRetentionDays,
    kmsKey: encryptionKey,
  });
  return { template: Template.fromStack(stack), stack, events, publisher, reader };
}

describe("ChatEventBus", () => {
  it("creates a bus with a 30-day archive of carechat events", () => {
    // Act
    const { template } = synth();

    // Assess
    template.resourceCountIs("AWS::Events::EventBus", 1);
    template.hasResourceProperties("AWS::Events::Archive", {
      EventPattern: { source: ["carechat"] },
      RetentionDays: 30,
    });
  });

  it("grants PutEvents on this bus to the publishers only, and names it in their environment", () => {
    // Act
    const { template, stack, events, publisher, reader } = synth();

    // Assess
    const busArn = stack.resolve(events.bus.eventBusArn);
    template.hasResourceProperties("AWS::IAM::Policy", {
      Roles: [stack.resolve((publisher.role as iam.IRole).roleName)],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: "events:PutEvents", Resource: busArn })]),
      },
    });
    template.hasResourceProperties("AWS::Lambda::Function", {
      Role: stack.resolve((publisher.role as iam.IRole).roleArn),
      Environment: { Variables: { EVENT_BUS_NAME: stack.resolve(events.bus.eventBusName) } },
    });
    const readerPolicies = Object.values(template.findResources("AWS::IAM::Policy")).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(
        stack.resolve((reader.role as iam.IRole).roleName).Ref,
      ),
    );
    expect(readerPolicies).toEqual([]);
  });

  it("keeps no archive when told so, and encrypts with the given key", () => {
    // Act
    const { template } = synth({ archiveRetentionDays: 0, encrypted: true });

    // Assess
    template.resourceCountIs("AWS::Events::Archive", 0);
    template.hasResourceProperties("AWS::Events::EventBus", { KmsKeyIdentifier: Match.anyValue() });
  });
});
