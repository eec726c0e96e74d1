import { Annotations, CfnOutput, Lazy, type RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import type * as events from "aws-cdk-lib/aws-events";
import * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import type { Construct } from "constructs";
import { ChatEncryptionKey } from "../constructs/chat-encryption-key.ts";
import { ChatEventBus } from "../constructs/chat-event-bus.ts";
import { ChatObservability } from "../constructs/chat-observability.ts";
import { ChatPages } from "../constructs/chat-pages.ts";
import type { ChatReconciler } from "../constructs/chat-reconciler.ts";
import { ChatTable, grantTableAccess } from "../constructs/chat-table.ts";
import { ChatWorkflow } from "../constructs/chat-workflow.ts";
import { acknowledgeUnencryptedTopic } from "../constructs/nag-acknowledgements.ts";
import { WebSocketChatApi } from "../constructs/websocket-chat-api.ts";
import {
  DEFAULT_ROUTING_FILE,
  type RoutingFile,
  readRoutingFile,
  stageRoutingConfig,
} from "../routing/routing-file.ts";
import { type ChatFunctions, createChatFunctions } from "./chat-functions.ts";
import { addDocumentUploads, type DocumentBucket } from "./document-uploads.ts";
import {
  type JwtAuthConfig,
  jwtAuthConfigFromContext,
  jwtAuthEnvironment,
  PLACEHOLDER_JWT_AUTH,
} from "./jwt-auth-config.ts";
import { scheduleQueueTicker } from "./queue-ticker-schedule.ts";
import { wireReconciler } from "./reconciler-wiring.ts";
import { removalPolicyFromContext, warnAndOutput } from "./stack-outputs.ts";
import { resolveStackSettings, type StackSettings, type StackSettingsProps } from "./stack-settings.ts";
import { TABLE_ACCESS } from "./table-access.ts";

export { HANDLER_ENTRIES } from "./chat-functions.ts";

/** The chat-closure workflow's definition, relative to the repository root. */
export const CHAT_CLOSURE_DEFINITION_FILE = "state-machines/chat-closure.asl.json";
/** The live-agent handoff workflow's definition, relative to the repository root. */
export const CHAT_HANDOFF_DEFINITION_FILE = "state-machines/chat-handoff.asl.json";
/** How often the queue ticker pushes queue status to waiting customers. */
export const QUEUE_TICKER_SCHEDULE = "rate(1 minute)";

/** Properties of {@link CarechatStack}; see infra/README.md for every setting and its context key. */
export interface CarechatStackProps extends StackProps, StackSettingsProps {
  /**
   * How the `$connect` authorizer verifies tokens: a JWKS issuer (`{ issuer, jwksUri, audience }`) or a
   * Cognito user pool (`{ cognitoUserPoolId, cognitoClientId }`), with the claim mapping.
   *
   * @default - context (`jwtIssuer`, `jwtJwksUri`, `jwtAudience`, `cognitoUserPoolId`, `cognitoClientId`,
   * `roleClaim`, `queuesClaim`, `maxTokenLifetimeSeconds`); without any, a placeholder issuer and a warning
   */
  readonly jwt?: JwtAuthConfig;
  /** A customer managed key to use (wins over `kmsKeyArn` / `createKmsKey`). @default - see settings */
  readonly encryptionKey?: kms.IKey;
  /** An SNS topic for the alarms (wins over `alarmTopicArn`). @default - see settings */
  readonly alarmTopic?: sns.ITopic;
  /** @default - context `tableRemovalPolicy` (`retain` or `destroy`), else RemovalPolicy.RETAIN */
  readonly tableRemovalPolicy?: RemovalPolicy;
  /** The WebSocket stage name. @default "prod" */
  readonly stageName?: string;
  /** The handoff state machine's fixed physical name (unique in the account and region). @default `${stackName}-chat-handoff` */
  readonly handoffStateMachineName?: string;
  /** Scan uploaded documents with GuardDuty Malware Protection for S3 (infra/constructs/document-bucket.ts). @default false */
  readonly malwareScanning?: boolean;
}

/**
 * carechat in one region: the WebSocket API and its Lambda handlers, the DynamoDB table, the
 * chat-closure and live-agent handoff workflows, the queue ticker's schedule, alarms and a dashboard,
 * and optionally the pages on CloudFront.
 */
export class CarechatStack extends Stack {
  public readonly table: ChatTable;
  public readonly api: WebSocketChatApi;
  public readonly closureWorkflow: ChatWorkflow;
  public readonly handoffWorkflow: ChatWorkflow;
  public readonly queueTickerRule: events.Rule;
  public readonly reconciler: ChatReconciler;
  public readonly functions: ChatFunctions;
  /** The JWT configuration the authorizer was given. */
  public readonly jwt: JwtAuthConfig;
  /** The settings the stack was built with. */
  public readonly settings: StackSettings;
  /** The routing configuration, read and checked at synth. */
  public readonly routing: RoutingFile;
  /** The customer managed key, when one is used. */
  public readonly encryptionKey?: kms.IKey;
  /** The origins `$connect` accepts (the hosted pages' origin included). */
  public readonly allowedOrigins: readonly string[];
  public readonly observability?: ChatObservability;
  public readonly pages?: ChatPages;
  public readonly documents: DocumentBucket;
  public readonly events: ChatEventBus;

  public constructor(scope: Construct, id: string, props: CarechatStackProps = {}) {
    super(scope, id, props);
    const settings = resolveStackSettings(this, props);
    this.settings = settings;
    const configured = props.jwt ?? jwtAuthConfigFromContext(this);
    this.jwt = configured ?? PLACEHOLDER_JWT_AUTH;
    this.routing = readRoutingFile(settings.routingFile ?? DEFAULT_ROUTING_FILE);

    this.encryptionKey =
      props.encryptionKey ??
      (settings.kmsKeyArn
        ? kms.Key.fromKeyArn(this, "EncryptionKey", settings.kmsKeyArn)
        : settings.createKmsKey
          ? new ChatEncryptionKey(this, "EncryptionKey").key
          : undefined);
    const key = this.encryptionKey;
    const logRetention = settings.logRetention;

    this.table = new ChatTable(this, "ChatTable", {
      removalPolicy: props.tableRemovalPolicy ?? removalPolicyFromContext(this),
      encryptionKey: key,
    });

    // The pages' origin is allowed at $connect; the distribution does not reference the API (its CSP
    // names the region's execute-api hosts), so the authorizer may reference the distribution.
    this.pages = settings.hostPages
      ? new ChatPages(this, "Pages", {
          pagesDir: settings.pagesDir,
          webSocketUrl: Lazy.string({ produce: () => this.api.url }),
        })
      : undefined;
    this.allowedOrigins = [...settings.allowedOrigins, ...(this.pages ? [this.pages.origin] : [])];

    const functions = createChatFunctions(this, {
      tableName: this.table.tableName,
      authorizerEnvironment: {
        ...jwtAuthEnvironment(this.jwt),
        ALLOWED_ORIGINS: this.allowedOrigins.join(","),
      },
      routingFile: stageRoutingConfig(this, this.routing.config),
      memorySize: settings.memorySize,
      actionsReservedConcurrency: settings.actionsReservedConcurrency,
      logRetention,
      logEncryptionKey: key,
    });
    this.functions = functions;
    const { authorizer, connect, disconnect, actions, chatClosure, chatHandoff, queueTicker, revoke } =
      functions;

    this.api = new WebSocketChatApi(this, "WebSocketApi", {
      apiName: this.stackName,
      stageName: props.stageName,
      authorizerHandler: authorizer.function,
      connectHandler: connect.function,
      disconnectHandler: disconnect.function,
      actionsHandler: actions.function,
      throttlingRateLimit: settings.throttlingRateLimit,
      throttlingBurstLimit: settings.throttlingBurstLimit,
      accessLogRetention: logRetention,
      accessLogEncryptionKey: key,
      configureAccountLoggingRole: settings.manageApiGatewayAccountRole,
    });
    // $connect and $disconnect never post a frame: only these get the @connections endpoint.
    // The sign-out function closes connections through the same endpoint.
    const framePosters = [actions, chatClosure, chatHandoff, queueTicker, revoke, functions.reconciler];
    for (const fn of framePosters) fn.addEnvironment("WS_MANAGEMENT_ENDPOINT", this.api.managementEndpoint);

    // The closure state machine invokes chat-closure; actions starts it. chat-closure gets no permission
    // on the closure state machine: that would close a dependency cycle.
    this.closureWorkflow = new ChatWorkflow(this, "ChatClosureWorkflow", {
      definitionFile: CHAT_CLOSURE_DEFINITION_FILE,
      definitionSubstitutions: { ChatClosureFunctionArn: chatClosure.functionArn },
      taskFunctions: [chatClosure.function],
      stateMachineType: sfn.StateMachineType.EXPRESS,
      logRetention,
      logEncryptionKey: key,
    });
    actions.addEnvironment("CLOSURE_STATE_MACHINE_ARN", this.closureWorkflow.stateMachineArn);

    const handoffName = props.handoffStateMachineName ?? `${this.stackName}-chat-handoff`;
    // chat-handoff answers the tasks of the state machine that invokes it: it gets the name-based ARN,
    // never the state machine's own reference (a cycle).
    this.handoffWorkflow = new ChatWorkflow(this, "ChatHandoffWorkflow", {
      definitionFile: CHAT_HANDOFF_DEFINITION_FILE,
      definitionSubstitutions: { ChatHandoffFunctionArn: chatHandoff.functionArn },
      taskFunctions: [chatHandoff.function],
      stateMachineType: sfn.StateMachineType.STANDARD,
      stateMachineName: handoffName,
      logRetention,
      logEncryptionKey: key,
    });
    chatHandoff.addEnvironment("HANDOFF_STATE_MACHINE_ARN", this.handoffWorkflow.arnFromName);
    this.reconciler = wireReconciler(this, handoffName);
    for (const fn of [actions, chatClosure]) {
      fn.addEnvironment("HANDOFF_STATE_MACHINE_ARN", this.handoffWorkflow.stateMachineArn);
    }

    // Least privilege: each function gets the table actions its handler sends (table-access.ts).
    for (const [name, fn] of Object.entries(functions)) {
      grantTableAccess(this.table, fn, TABLE_ACCESS[name as keyof ChatFunctions]);
    }
    for (const fn of framePosters) this.api.grantManageConnections(fn);
    this.events = new ChatEventBus(this, "Events", { publishers: [actions, chatClosure], kmsKey: key });
    this.closureWorkflow.grantStartExecution(actions);
    this.handoffWorkflow.grantStartExecution(actions);
    // actions answers offers and abandons waits; the handoff steps re-signal settled waits; chat-closure
    // dispatches waiting chats when an agent's slot frees.
    for (const fn of [actions, chatHandoff, chatClosure]) this.handoffWorkflow.grantTaskResponse(fn);

    this.queueTickerRule = scheduleQueueTicker(this, queueTicker, QUEUE_TICKER_SCHEDULE);

    if (settings.alarms) {
      this.observability = new ChatObservability(this, "Observability", {
        functions: Object.fromEntries(Object.entries(functions).map(([name, fn]) => [name, fn.function])),
        table: this.table.table,
        webSocketApi: this.api.webSocketApi,
        stageName: this.api.stage.stageName,
        closureStateMachine: this.closureWorkflow.stateMachine,
        handoffStateMachine: this.handoffWorkflow.stateMachine,
        alarmTopic: this.alarmTopic(props.alarmTopic, settings, key),
      });
    }

    const malwareScanning = props.malwareScanning ?? false;
    this.documents = addDocumentUploads(this, { functions, api: this.api, key, malwareScanning });
    this.outputs(configured === undefined);
  }

  private alarmTopic(given: sns.ITopic | undefined, settings: StackSettings, key?: kms.IKey): sns.ITopic {
    if (given) return given;
    if (settings.alarmTopicArn) return sns.Topic.fromTopicArn(this, "AlarmTopic", settings.alarmTopicArn);
    const topic = new sns.Topic(this, "AlarmTopic", {
      displayName: "carechat alarms",
      enforceSSL: true,
      masterKey: key,
    });
    if (!key) acknowledgeUnencryptedTopic(topic);
    if (settings.alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(settings.alarmEmail));
    new CfnOutput(this, "AlarmTopicArn", {
      description: "SNS topic the alarms notify",
      value: topic.topicArn,
    });
    return topic;
  }

  private outputs(placeholderJwt: boolean): void {
    const output = (id: string, description: string, value: string) =>
      new CfnOutput(this, id, { description, value });
    output("WebSocketUrl", "WebSocket URL for clients: wss://.../stage?token=JWT", this.api.url);
    output(
      "ManagementEndpoint",
      "API Gateway management endpoint (@connections) the functions post frames to",
      this.api.managementEndpoint,
    );
    output("TableName", "DynamoDB chat table", this.table.tableName);
    output("EventBusName", "EventBridge bus of carechat's events", this.events.bus.eventBusName);
    output("RevokeFunctionArn", 'Sign-out hook: {"sub"} or {"jti"}', this.functions.revoke.functionArn);
    output("EraseCustomerFunctionArn", 'Erasure: {"sub"}', this.functions.eraseCustomer.functionArn);
    output("ClosureStateMachineArn", "Chat-closure Express workflow", this.closureWorkflow.stateMachineArn);
    output(
      "HandoffStateMachineArn",
      "Live-agent handoff Standard workflow",
      this.handoffWorkflow.stateMachineArn,
    );
    if (this.pages) output("PagesUrl", "Customer widget (/) and agent desk (/agent)", this.pages.origin);
    if (this.observability)
      output("DashboardName", "CloudWatch dashboard", this.observability.dashboard.dashboardName);

    if (placeholderJwt) {
      warnAndOutput(
        this,
        "carechat:jwt-placeholder",
        "JwtConfigurationWarning",
        `No JWT issuer configured: the authorizer uses the placeholder issuer ${PLACEHOLDER_JWT_AUTH.issuer} ` +
          "and will reject every real token. Set context jwtIssuer + jwtJwksUri + jwtAudience, or " +
          "cognitoUserPoolId + cognitoClientId.",
      );
    }
    for (const placeholder of this.routing.placeholders) {
      Annotations.of(this).addWarningV2(
        `carechat:routing-placeholder-${placeholder.country}`,
        `Routing file ${this.routing.file}: contact number for ${placeholder.country} "${placeholder.number}" is a ` +
          `placeholder (${placeholder.reason}); customers would be told to call it. Replace it before going live.`,
      );
    }
    if (this.allowedOrigins.length === 0) {
      Annotations.of(this).addWarningV2(
        "carechat:no-allowed-origins",
        "No allowedOrigins: $connect accepts native clients (no Origin header) only, and refuses every browser page.",
      );
    }
  }
}
