import { Duration, Stack } from "aws-cdk-lib";
import type * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as sns from "aws-cdk-lib/aws-sns";
import type * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import { CUSTOM_METRICS, type CustomMetricName, METRICS_NAMESPACE, METRICS_SERVICE } from "./chat-metrics.ts";

/** Alarm thresholds; each alarm fires when its 5-minute figure reaches the threshold. */
export interface ChatAlarmThresholds {
  /** Errors of any one function in 5 minutes. @default 5 */
  readonly functionErrors?: number;
  /** Throttled invocations of any one function in 5 minutes. @default 1 */
  readonly functionThrottles?: number;
  /** Deliveries that failed after their retries in 5 minutes. @default 10 */
  readonly deliveriesFailed?: number;
  /** Chats waiting in all queues (maximum over 5 minutes). @default 50 */
  readonly queueDepth?: number;
  /** Longest wait in seconds (maximum over 5 minutes). @default 600 */
  readonly longestWaitSeconds?: number;
  /** Abandoned chats in 5 minutes. @default 10 */
  readonly abandoned?: number;
  /** Things the reconciler repaired in 5 minutes: each is a fault somewhere else. @default 5 */
  readonly reconcilerRepairs?: number;
}

/** Properties of {@link ChatObservability}. */
export interface ChatObservabilityProps {
  /** The functions, by name (the name labels their alarms and graphs). */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /** The chat table. */
  readonly table: dynamodb.ITableV2;
  /** The WebSocket API and its stage. */
  readonly webSocketApi: apigwv2.IWebSocketApi;
  readonly stageName: string;
  /** The chat-closure and handoff state machines. */
  readonly closureStateMachine: sfn.IStateMachine;
  readonly handoffStateMachine: sfn.IStateMachine;
  /** Where alarms (and their return to OK) are sent. */
  readonly alarmTopic: sns.ITopic;
  /** @default - see {@link ChatAlarmThresholds} */
  readonly thresholds?: ChatAlarmThresholds;
  /** @default - `<stackName>-carechat` */
  readonly dashboardName?: string;
}

const PERIOD = Duration.minutes(5);

/**
 * Alarms and a dashboard for carechat: per-function errors and throttles, DynamoDB throttles and system
 * errors, API Gateway integration errors, failed `@connections` deliveries, closure and handoff failures
 * (Step Functions and the handlers' own counts), queue depth, longest wait and abandonment. Every alarm
 * notifies `alarmTopic` on ALARM and on OK; missing data is "not breaching" (a quiet night is healthy).
 */
export class ChatObservability extends Construct {
  /** The alarms, by id. */
  public readonly alarms: ReadonlyMap<string, cloudwatch.Alarm>;
  /** The dashboard. */
  public readonly dashboard: cloudwatch.Dashboard;

  public constructor(scope: Construct, id: string, props: ChatObservabilityProps) {
    super(scope, id);
    const limits = props.thresholds ?? {};
    const alarms = new Map<string, cloudwatch.Alarm>();
    const alarm = (alarmId: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(new actions.SnsAction(props.alarmTopic));
      created.addOkAction(new actions.SnsAction(props.alarmTopic));
      alarms.set(alarmId, created);
      return created;
    };

    for (const [name, fn] of Object.entries(props.functions)) {
      const label = pascal(name);
      alarm(
        `${label}Errors`,
        fn.metricErrors({ period: PERIOD }),
        limits.functionErrors ?? 5,
        `${name}: errors`,
      );
      alarm(
        `${label}Throttles`,
        fn.metricThrottles({ period: PERIOD }),
        limits.functionThrottles ?? 1,
        `${name}: throttles`,
      );
    }

    const tableMetric = (metricName: string) =>
      props.table.metric(metricName, { period: PERIOD, statistic: "Sum" });
    const throttles = new cloudwatch.MathExpression({
      expression: "FILL(r, 0) + FILL(w, 0)",
      usingMetrics: { r: tableMetric("ReadThrottleEvents"), w: tableMetric("WriteThrottleEvents") },
      period: PERIOD,
      label: "Throttle events",
    });
    alarm("TableThrottles", throttles, 1, "DynamoDB: read or write throttle events on the chat table");
    const systemErrors = props.table.metricSystemErrorsForOperations({
      period: PERIOD,
      // The operations the functions send (an alarm's metric math holds at most 10 metrics).
      operations: [
        dynamodb.Operation.GET_ITEM,
        dynamodb.Operation.QUERY,
        dynamodb.Operation.PUT_ITEM,
        dynamodb.Operation.UPDATE_ITEM,
        dynamodb.Operation.DELETE_ITEM,
        dynamodb.Operation.BATCH_WRITE_ITEM,
        dynamodb.Operation.TRANSACT_WRITE_ITEMS,
      ],
    });
    alarm("TableSystemErrors", systemErrors, 1, "DynamoDB: system errors (5xx) on the chat table");

    const apiMetric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: "AWS/ApiGateway",
        metricName,
        dimensionsMap: { ApiId: props.webSocketApi.apiId, Stage: props.stageName },
        period: PERIOD,
        statistic: "Sum",
      });
    alarm("ApiIntegrationErrors", apiMetric("IntegrationError"), 5, "API Gateway: route integration errors");
    alarm("ApiExecutionErrors", apiMetric("ExecutionError"), 5, "API Gateway: execution errors");

    const custom = (name: CustomMetricName, statistic = "Sum") =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: CUSTOM_METRICS[name],
        dimensionsMap: { service: METRICS_SERVICE },
        period: PERIOD,
        statistic,
      });
    alarm(
      "DeliveriesFailed",
      custom("DeliveriesFailed"),
      limits.deliveriesFailed ?? 10,
      "@connections posts failed after retries",
    );
    alarm(
      "ClosureExecutionsFailed",
      workflowFailures(props.closureStateMachine, "closure"),
      1,
      "chat closure: executions failed, timed out or aborted",
    );
    alarm(
      "HandoffExecutionsFailed",
      workflowFailures(props.handoffStateMachine, "handoff"),
      1,
      "handoff: executions failed, timed out or aborted",
    );
    alarm("ClosureFailures", custom("ClosureFailures"), 1, "chat closure: tasks failed after retries");
    alarm("HandoffFailures", custom("HandoffFailures"), 1, "handoff: tasks failed after retries");
    alarm(
      "QueueDepth",
      custom("QueueDepth", "Maximum"),
      limits.queueDepth ?? 50,
      "chats waiting for an agent",
    );
    alarm(
      "LongestWait",
      custom("LongestWaitSeconds", "Maximum"),
      limits.longestWaitSeconds ?? 600,
      "longest wait for an agent (s)",
    );
    alarm(
      "Abandoned",
      custom("Abandoned"),
      limits.abandoned ?? 10,
      "customers who left the queue before an agent took the chat",
    );
    alarm(
      "ReconcilerRepairs",
      custom("ReconcilerRepairs"),
      limits.reconcilerRepairs ?? 5,
      "reconciler: stranded chats, closures, offers or agent slots repaired (each a fault elsewhere)",
    );
    this.alarms = alarms;

    this.dashboard = new cloudwatch.Dashboard(this, "Dashboard", {
      dashboardName: props.dashboardName ?? `${Stack.of(this).stackName}-carechat`,
      defaultInterval: Duration.hours(3),
    });
    const fns = Object.entries(props.functions);
    const graph = (title: string, left: cloudwatch.IMetric[], width = 8) =>
      new cloudwatch.GraphWidget({ title, left, width, height: 6 });
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({
        title: "Alarms",
        alarms: [...alarms.values()],
        width: 24,
        height: 4,
      }),
    );
    this.dashboard.addWidgets(
      graph("Queue depth and longest wait", [
        custom("QueueDepth", "Maximum"),
        custom("LongestWaitSeconds", "Maximum"),
      ]),
      graph("Wait for an agent (s)", [custom("WaitSeconds", "p50"), custom("WaitSeconds", "p99")]),
      graph("Handoffs", [custom("HandoffsStarted"), custom("OffersExpired"), custom("Abandoned")]),
    );
    this.dashboard.addWidgets(
      graph("Deliveries, conflicts, rate limits", [
        custom("DeliveriesFailed"),
        custom("Conflicts"),
        custom("RateLimited"),
      ]),
      graph("Workflow failures and repairs", [
        workflowFailures(props.closureStateMachine, "closure"),
        workflowFailures(props.handoffStateMachine, "handoff"),
        custom("ClosureFailures"),
        custom("HandoffFailures"),
        custom("ReconcilerRepairs"),
      ]),
      graph("Messages, throttles, caps", [
        custom("Messages"),
        custom("ServiceThrottled"),
        custom("ConnectionsRefused"),
        custom("OpenChatCapReached"),
      ]),
      graph("API Gateway", [
        apiMetric("ConnectCount"),
        apiMetric("MessageCount"),
        apiMetric("IntegrationError"),
      ]),
    );
    this.dashboard.addWidgets(
      graph(
        "Function errors",
        fns.map(([name, fn]) => fn.metricErrors({ period: PERIOD, label: name })),
      ),
      graph(
        "Function throttles",
        fns.map(([name, fn]) => fn.metricThrottles({ period: PERIOD, label: name })),
      ),
      graph(
        "Function duration p99",
        fns.map(([name, fn]) => fn.metricDuration({ period: PERIOD, statistic: "p99", label: name })),
      ),
    );
    this.dashboard.addWidgets(graph("DynamoDB throttles and system errors", [throttles, systemErrors], 24));
  }
}

/** Failed, timed-out and aborted executions of a state machine, summed. */
function workflowFailures(stateMachine: sfn.IStateMachine, name: string): cloudwatch.IMetric {
  return new cloudwatch.MathExpression({
    expression: `FILL(${name}Failed, 0) + FILL(${name}TimedOut, 0) + FILL(${name}Aborted, 0)`,
    usingMetrics: {
      [`${name}Failed`]: stateMachine.metricFailed({ period: PERIOD }),
      [`${name}TimedOut`]: stateMachine.metricTimedOut({ period: PERIOD }),
      [`${name}Aborted`]: stateMachine.metricAborted({ period: PERIOD }),
    },
    period: PERIOD,
    label: `${name} executions failed`,
  });
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
