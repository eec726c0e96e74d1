import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as sns from "aws-cdk-lib/aws-sns";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { beforeAll, describe, expect, it } from "vitest";
import { CUSTOM_METRICS } from "../../../infra/constructs/chat-metrics.ts";
import { ChatObservability } from "../../../infra/constructs/chat-observability.ts";
import { SYNTH_TIMEOUT_MS, testOutdir } from "./synth-helpers.ts";

const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:carechat-ops";
let template: Template;
let observability: ChatObservability;

beforeAll(() => {
  const stack = new Stack(new App({ outdir: testOutdir() }), "Observed", { env: { region: "us-east-1" } });
  const fn = (id: string) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: "index.handler",
      code: lambda.Code.fromInline("export const handler = async () => ({});"),
    });
  const machine = (id: string) =>
    new sfn.StateMachine(stack, id, {
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, `${id}Pass`)),
    });
  observability = new ChatObservability(stack, "Observability", {
    functions: { connect: fn("Connect"), actions: fn("Actions") },
    table: new dynamodb.TableV2(stack, "Table", {
      partitionKey: { name: "pk", type: dynamodb.AttributeType.STRING },
    }),
    webSocketApi: new apigwv2.WebSocketApi(stack, "Api"),
    stageName: "prod",
    closureStateMachine: machine("Closure"),
    handoffStateMachine: machine("Handoff"),
    alarmTopic: sns.Topic.fromTopicArn(stack, "Topic", TOPIC_ARN),
    thresholds: { queueDepth: 25 },
  });
  template = Template.fromStack(stack);
}, SYNTH_TIMEOUT_MS);

const alarms = () =>
  Object.values(template.findResources("AWS::CloudWatch::Alarm")).map((alarm) => alarm.Properties);

describe("ChatObservability", () => {
  it("raises every alarm to the topic, and tells it when the alarm clears", () => {
    // Act
    const all = alarms();

    // Assess: 2 per function, 2 DynamoDB, 2 API Gateway, 9 for deliveries, workflows, queues, repairs.
    expect(all).toHaveLength(2 * 2 + 2 + 2 + 9);
    for (const alarm of all) {
      expect(alarm.AlarmActions).toEqual([TOPIC_ARN]);
      expect(alarm.OKActions).toEqual([TOPIC_ARN]);
      expect(alarm.TreatMissingData).toBe("notBreaching");
    }
    expect([...observability.alarms.keys()]).toEqual(
      expect.arrayContaining(["ConnectErrors", "ConnectThrottles", "ActionsErrors", "ActionsThrottles"]),
    );
  });

  it.each([
    ["DeliveriesFailed", "Sum", 10],
    ["ClosureFailures", "Sum", 1],
    ["HandoffFailures", "Sum", 1],
    ["QueueDepth", "Maximum", 25],
    ["LongestWaitSeconds", "Maximum", 600],
    ["Abandoned", "Sum", 10],
    ["ReconcilerRepairs", "Sum", 5],
  ])(
    "alarms on the handlers' %s metric in the carechat namespace (%s ≥ %d)",
    (metricName, statistic, threshold) => {
      // Act
      const alarm = alarms().find((properties) => properties.MetricName === metricName);

      // Assess
      expect(alarm).toMatchObject({
        Namespace: "carechat",
        Dimensions: [{ Name: "service", Value: "carechat" }],
        Statistic: statistic,
        Threshold: threshold,
        Period: 300,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
      });
    },
  );

  it("alarms on failed, timed-out and aborted executions of both workflows", () => {
    // Act
    const workflowAlarms = alarms().filter((alarm) =>
      JSON.stringify(alarm.Metrics ?? []).includes("ExecutionsFailed"),
    );

    // Assess
    expect(workflowAlarms).toHaveLength(2);
    for (const alarm of workflowAlarms) {
      const names = (alarm.Metrics as { MetricStat?: { Metric: { MetricName: string } } }[])
        .flatMap((metric) => (metric.MetricStat ? [metric.MetricStat.Metric.MetricName] : []))
        .sort();
      expect(names).toEqual(["ExecutionsAborted", "ExecutionsFailed", "ExecutionsTimedOut"]);
    }
  });

  it("alarms on DynamoDB throttles and system errors, and on API Gateway integration errors", () => {
    // Act
    const text = JSON.stringify(alarms());

    // Assess
    for (const metric of ["ReadThrottleEvents", "WriteThrottleEvents", "SystemErrors"])
      expect(text).toContain(metric);
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/ApiGateway",
      MetricName: "IntegrationError",
      Dimensions: Match.arrayWith([{ Name: "Stage", Value: "prod" }]),
    });
  });

  it("draws a dashboard with every custom metric the handlers publish", () => {
    // Act
    const body = JSON.stringify(
      Object.values(template.findResources("AWS::CloudWatch::Dashboard"))[0]?.Properties.DashboardBody,
    );

    // Assess
    for (const name of Object.values(CUSTOM_METRICS)) expect(body).toContain(`\\"${name}\\"`);
  });
});
