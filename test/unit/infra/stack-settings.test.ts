import { App } from "aws-cdk-lib";
import { describe, expect, it } from "vitest";
import { origins, resolveStackSettings } from "../../../infra/stacks/stack-settings.ts";

const settingsFrom = (context: Record<string, unknown>, props = {}) =>
  resolveStackSettings(new App({ context }), props);

describe("stack settings", () => {
  it("has the documented defaults", () => {
    // Act
    const settings = settingsFrom({});

    // Assess
    expect(settings).toEqual({
      routingFile: undefined,
      allowedOrigins: [],
      memorySize: 512,
      logRetention: 30,
      throttlingRateLimit: 500,
      throttlingBurstLimit: 1000,
      actionsReservedConcurrency: undefined,
      kmsKeyArn: undefined,
      createKmsKey: false,
      manageApiGatewayAccountRole: true,
      alarms: true,
      alarmTopicArn: undefined,
      alarmEmail: undefined,
      hostPages: false,
      pagesDir: undefined,
    });
  });

  it("reads every setting from context strings, and a prop wins over context", () => {
    // Prepare
    const context = {
      routingFile: "bank/routing.json",
      allowedOrigins: "https://chat.bank.example, https://bank.example:8443",
      memorySize: "1024",
      logRetentionDays: "90",
      throttlingRateLimit: "50",
      throttlingBurstLimit: "100",
      actionsReservedConcurrency: "200",
      kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abcd",
      createKmsKey: "true",
      manageApiGatewayAccountRole: "false",
      alarms: "false",
      alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:ops",
      alarmEmail: "ops@bank.example",
      hostPages: "true",
      pagesDir: "web/dist",
    };

    // Act
    const settings = settingsFrom(context, { memorySize: 2048 });

    // Assess
    expect(settings).toMatchObject({
      routingFile: "bank/routing.json",
      allowedOrigins: ["https://chat.bank.example", "https://bank.example:8443"],
      memorySize: 2048,
      logRetention: 90,
      throttlingRateLimit: 50,
      throttlingBurstLimit: 100,
      actionsReservedConcurrency: 200,
      kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abcd",
      createKmsKey: true,
      manageApiGatewayAccountRole: false,
      alarms: false,
      alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:ops",
      alarmEmail: "ops@bank.example",
      hostPages: true,
      pagesDir: "web/dist",
    });
  });

  it.each([
    "https://chat.bank.example/",
    "https://chat.bank.example/widget",
    "null",
    "http://chat.bank.example",
    "*",
    "https://CHAT.bank.example",
  ])("refuses %s as an allowed origin", (origin) => {
    // Act
    const parse = () => origins([origin]);

    // Assess
    expect(parse).toThrow(/allowedOrigins/);
  });

  it("accepts https origins with ports and http://localhost for local pages", () => {
    // Act
    const parsed = origins([
      "https://a.bank.example",
      "https://a.bank.example:8443",
      "http://localhost:3000",
    ]);

    // Assess
    expect(parsed).toEqual([
      "https://a.bank.example",
      "https://a.bank.example:8443",
      "http://localhost:3000",
    ]);
  });

  it.each([
    [{ memorySize: "64" }, /memorySize must be a whole number from 128/],
    [{ logRetentionDays: "31" }, /logRetentionDays 31 is not a CloudWatch Logs retention/],
    [{ actionsReservedConcurrency: "0" }, /actionsReservedConcurrency must be a whole number from 1/],
    [{ createKmsKey: "yes" }, /createKmsKey must be true or false/],
    [{ kmsKeyArn: "alias/carechat" }, /kmsKeyArn must be an kms ARN/],
    [{ alarmTopicArn: "ops" }, /alarmTopicArn must be an sns ARN/],
  ])("refuses %o", (context, message) => {
    // Act
    const resolve = () => settingsFrom(context);

    // Assess
    expect(resolve).toThrow(message);
  });
});
