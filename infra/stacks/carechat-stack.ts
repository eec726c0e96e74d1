import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import type { Construct } from "constructs";
import { canonicalOrigin } from "../../functions/lib/auth/origin-allow-list.ts";
import { ChatFunction } from "../constructs/chat-function.ts";
import { ChatTable } from "../constructs/chat-table.ts";
import { ChatWorkflow } from "../constructs/chat-workflow.ts";
import { WebSocketChatApi } from "../constructs/websocket-chat-api.ts";
import {
  type JwtAuthConfig,
  jwtAuthConfigFromContext,
  jwtAuthEnvironment,
  PLACEHOLDER_JWT_AUTH,
} from "./jwt-auth-config.ts";

/** The handler entry files, relative to the repository root. */
export const HANDLER_ENTRIES = {
  authorizer: "functions/handlers/authorizer.ts",
  connect: "functions/handlers/connect.ts",
  disconnect: "functions/handlers/disconnect.ts",
  actions: "functions/handlers/actions.ts",
  chatClosure: "functions/handlers/chat-closure.ts",
  chatHandoff: "functions/handlers/chat-handoff.ts",
  queueTicker: "functions/handlers/queue-ticker.ts",
} as const;

/** The chat-closure workflow's definition, relative to the repository root. */
export const CHAT_CLOSURE_DEFINITION_FILE = "state-machines/chat-closure.asl.json";

/** The live-agent handoff workflow's definition, relative to the repository root. */
export const CHAT_HANDOFF_DEFINITION_FILE = "state-machines/chat-handoff.asl.json";

/** How often the queue ticker pushes queue status to waiting customers. */
export const QUEUE_TICKER_SCHEDULE = "rate(1 minute)";

/** Properties of {@link CarechatStack}. */
export interface CarechatStackProps extends StackProps {
  /**
   * How the `$connect` authorizer verifies tokens: any JWKS issuer (`{ issuer, jwksUri, audience? }`) or
   * a Cognito user pool (`{ cognitoUserPoolId, cognitoClientId }`).
   *
   * @default - read from context (`jwtIssuer`, `jwtJwksUri`, `jwtAudience`, `cognitoUserPoolId`,
   * `cognitoClientId`); without any, the placeholder issuer `https://auth.example.com/` and a warning
   */
  readonly jwt?: JwtAuthConfig;

  /**
   * The browser origins allowed to connect (exact `scheme://host[:port]`, e.g. `https://chat.bank.example`).
   * Connections without an `Origin` header (native apps) are always allowed.
   *
   * @default - context `allowedOrigins` (comma-separated), else none: browsers are refused, with a warning
   */
  readonly allowedOrigins?: readonly string[];

  /**
   * The longest token lifetime (`exp - iat`) the authorizer accepts, in seconds.
   *
   * @default - context `maxTokenLifetimeSeconds`, else 43200 (12 hours)
   */
  readonly maxTokenLifetimeSeconds?: number;

  /**
   * What happens to the chat table when it is removed or the stack is deleted.
   *
   * @default - context `tableRemovalPolicy` (`retain` or `destroy`), else RemovalPolicy.RETAIN
   */
  readonly tableRemovalPolicy?: RemovalPolicy;

  /**
   * The WebSocket stage name.
   *
   * @default "prod"
   */
  readonly stageName?: string;

  /**
   * The handoff state machine's physical name. It is fixed so that its ARN can be built without a
   * reference to the state machine (the chat-handoff function, which the state machine invokes, answers
   * its task tokens); it must be unique in the account and region.
   *
   * @default `${stackName}-chat-handoff`
   */
  readonly handoffStateMachineName?: string;
}

/**
 * carechat in one region: the WebSocket API and its Lambda handlers, the DynamoDB table, the
 * chat-closure and live-agent handoff workflows and the queue ticker's schedule.
 */
export class CarechatStack extends Stack {
  /** The chat table. */
  public readonly table: ChatTable;
  /** The WebSocket API. */
  public readonly api: WebSocketChatApi;
  /** The chat-closure workflow (Express). */
  public readonly closureWorkflow: ChatWorkflow;
  /** The live-agent handoff workflow (Standard: it waits on task tokens). */
  public readonly handoffWorkflow: ChatWorkflow;
  /** The EventBridge rule that runs the queue ticker every minute. */
  public readonly queueTickerRule: events.Rule;
  /** The functions, by role. */
  public readonly functions: {
    readonly authorizer: ChatFunction;
    readonly connect: ChatFunction;
    readonly disconnect: ChatFunction;
    readonly actions: ChatFunction;
    readonly chatClosure: ChatFunction;
    readonly chatHandoff: ChatFunction;
    readonly queueTicker: ChatFunction;
  };
  /** The JWT configuration the authorizer was given. */
  public readonly jwt: JwtAuthConfig;

  public constructor(scope: Construct, id: string, props: CarechatStackProps = {}) {
    super(scope, id, props);

    const configured = props.jwt ?? jwtAuthConfigFromContext(this);
    this.jwt = configured ?? PLACEHOLDER_JWT_AUTH;

    this.table = new ChatTable(this, "ChatTable", {
      removalPolicy: props.tableRemovalPolicy ?? removalPolicyFromContext(this),
    });
    const tableEnvironment = { TABLE_NAME: this.table.tableName };

    const authorizer = new ChatFunction(this, "Authorizer", {
      entry: HANDLER_ENTRIES.authorizer,
      description: "carechat $connect authorizer: verifies the ?token= JWT",
      environment: {
        ...tableEnvironment,
        ...jwtAuthEnvironment(this.jwt),
        ...connectPolicyEnvironment(this, props),
      },
    });
    const connect = new ChatFunction(this, "Connect", {
      entry: HANDLER_ENTRIES.connect,
      description: "carechat $connect: records the connection",
      environment: tableEnvironment,
    });
    const disconnect = new ChatFunction(this, "Disconnect", {
      entry: HANDLER_ENTRIES.disconnect,
      description: "carechat $disconnect: removes the connection",
      environment: tableEnvironment,
    });
    const actions = new ChatFunction(this, "Actions", {
      entry: HANDLER_ENTRIES.actions,
      description: "carechat client actions ($default and one route per action)",
      environment: tableEnvironment,
    });
    const chatClosure = new ChatFunction(this, "ChatClosure", {
      entry: HANDLER_ENTRIES.chatClosure,
      description: "carechat chat closure: case number, summary, chatEnded frames",
      environment: tableEnvironment,
    });
    const chatHandoff = new ChatFunction(this, "ChatHandoff", {
      entry: HANDLER_ENTRIES.chatHandoff,
      description: "carechat live-agent handoff: task function of the handoff state machine",
      environment: tableEnvironment,
    });
    const queueTicker = new ChatFunction(this, "QueueTicker", {
      entry: HANDLER_ENTRIES.queueTicker,
      description: "carechat queue ticker: pushes queue position and wait estimates every minute",
      environment: tableEnvironment,
    });
    this.functions = { authorizer, connect, disconnect, actions, chatClosure, chatHandoff, queueTicker };

    this.api = new WebSocketChatApi(this, "WebSocketApi", {
      apiName: this.stackName,
      stageName: props.stageName,
      authorizerHandler: authorizer.function,
      connectHandler: connect.function,
      disconnectHandler: disconnect.function,
      actionsHandler: actions.function,
    });
    const framePosters = [connect, disconnect, actions, chatClosure, chatHandoff, queueTicker];
    for (const fn of framePosters) {
      fn.addEnvironment("WS_MANAGEMENT_ENDPOINT", this.api.managementEndpoint);
    }

    // The closure state machine invokes chat-closure; actions starts it. chat-closure gets no permission
    // on the closure state machine: that would close a dependency cycle (see STAND-INS.md).
    this.closureWorkflow = new ChatWorkflow(this, "ChatClosureWorkflow", {
      definitionFile: CHAT_CLOSURE_DEFINITION_FILE,
      definitionSubstitutions: { ChatClosureFunctionArn: chatClosure.functionArn },
      taskFunctions: [chatClosure.function],
      stateMachineType: sfn.StateMachineType.EXPRESS,
    });
    actions.addEnvironment("CLOSURE_STATE_MACHINE_ARN", this.closureWorkflow.stateMachineArn);

    // The handoff state machine invokes chat-handoff, and chat-handoff answers its task tokens (and is
    // told its ARN). Both use `arnFromName`, built from the fixed name, never the state machine's own
    // reference: that would make chat-handoff depend on the state machine that depends on chat-handoff.
    this.handoffWorkflow = new ChatWorkflow(this, "ChatHandoffWorkflow", {
      definitionFile: CHAT_HANDOFF_DEFINITION_FILE,
      definitionSubstitutions: { ChatHandoffFunctionArn: chatHandoff.functionArn },
      taskFunctions: [chatHandoff.function],
      stateMachineType: sfn.StateMachineType.STANDARD,
      stateMachineName: props.handoffStateMachineName ?? `${this.stackName}-chat-handoff`,
    });
    chatHandoff.addEnvironment("HANDOFF_STATE_MACHINE_ARN", this.handoffWorkflow.arnFromName);
    for (const fn of [actions, chatClosure, queueTicker]) {
      fn.addEnvironment("HANDOFF_STATE_MACHINE_ARN", this.handoffWorkflow.stateMachineArn);
    }

    // Least privilege. The authorizer verifies tokens and reads revocations only: two read actions on
    // the items whose partition key starts with REVOKED#, no write, no API access.
    authorizer.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["dynamodb:GetItem", "dynamodb:BatchGetItem"],
        resources: [this.table.tableArn],
        conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["REVOKED#*"] } },
      }),
    );
    for (const fn of framePosters) this.table.grantReadWriteData(fn);
    for (const fn of [actions, chatClosure, chatHandoff, queueTicker]) this.api.grantManageConnections(fn);
    this.closureWorkflow.grantStartExecution(actions);
    this.handoffWorkflow.grantStartExecution(actions);
    // actions answers offers (accept, decline) and abandons waits (endChat); the handoff steps re-signal
    // waits that are already settled; chat-closure dispatches waiting chats when an agent's slot frees.
    for (const fn of [actions, chatHandoff, chatClosure]) this.handoffWorkflow.grantTaskResponse(fn);

    // The ticker: one invocation a minute. A failed or late tick is not retried: the next one, a minute
    // later, pushes fresher numbers.
    queueTicker.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(1) });
    this.queueTickerRule = new events.Rule(this, "QueueTickerSchedule", {
      description: "Runs the carechat queue ticker: queue position and wait estimates for waiting customers",
      schedule: events.Schedule.expression(QUEUE_TICKER_SCHEDULE),
      targets: [
        new targets.LambdaFunction(queueTicker.function, {
          retryAttempts: 0,
          maxEventAge: Duration.minutes(1),
        }),
      ],
    });

    new CfnOutput(this, "WebSocketUrl", {
      description: "WebSocket URL for clients: wss://.../stage?token=JWT",
      value: this.api.url,
    });
    new CfnOutput(this, "ManagementEndpoint", {
      description: "API Gateway management endpoint (@connections) the functions post frames to",
      value: this.api.managementEndpoint,
    });
    new CfnOutput(this, "TableName", { description: "DynamoDB chat table", value: this.table.tableName });
    new CfnOutput(this, "ClosureStateMachineArn", {
      description: "Chat-closure Express workflow",
      value: this.closureWorkflow.stateMachineArn,
    });
    new CfnOutput(this, "HandoffStateMachineArn", {
      description: "Live-agent handoff Standard workflow",
      value: this.handoffWorkflow.stateMachineArn,
    });

    if (!configured) {
      const message =
        `No JWT issuer configured: the authorizer uses the placeholder issuer ${PLACEHOLDER_JWT_AUTH.issuer} ` +
        "and will reject every real token. Set context jwtIssuer + jwtJwksUri [+ jwtAudience], or " +
        "cognitoUserPoolId + cognitoClientId.";
      Annotations.of(this).addWarningV2("carechat:jwt-placeholder", message);
      new CfnOutput(this, "JwtConfigurationWarning", { value: message });
    }
  }
}

/** The authorizer's `ALLOWED_ORIGINS` and `MAX_TOKEN_LIFETIME_SECONDS`, validated at synth. */
function connectPolicyEnvironment(stack: Stack, props: CarechatStackProps): Record<string, string> {
  const fromContext: unknown = stack.node.tryGetContext("allowedOrigins");
  const listed =
    props.allowedOrigins ??
    (Array.isArray(fromContext) ? fromContext.map(String) : String(fromContext ?? "").split(","));
  const origins = [
    ...new Set(
      listed
        .map((origin) => origin.trim())
        .filter(Boolean)
        .map(canonicalOrigin),
    ),
  ];
  if (origins.length === 0)
    Annotations.of(stack).addWarningV2(
      "carechat:no-allowed-origins",
      "No allowedOrigins: browsers cannot connect (native apps, which send no Origin, can). " +
        "Set context allowedOrigins=https://chat.bank.example[,...].",
    );
  const lifetime = props.maxTokenLifetimeSeconds ?? stack.node.tryGetContext("maxTokenLifetimeSeconds");
  if (lifetime !== undefined && !(Number.isSafeInteger(Number(lifetime)) && Number(lifetime) > 0))
    throw new Error(
      `maxTokenLifetimeSeconds must be a positive whole number, not ${JSON.stringify(lifetime)}.`,
    );
  return {
    ALLOWED_ORIGINS: origins.join(","),
    ...(lifetime !== undefined ? { MAX_TOKEN_LIFETIME_SECONDS: String(Number(lifetime)) } : {}),
  };
}

function removalPolicyFromContext(stack: Stack): RemovalPolicy {
  const value: unknown = stack.node.tryGetContext("tableRemovalPolicy");
  if (value === undefined || value === "" || value === "retain") return RemovalPolicy.RETAIN;
  if (value === "destroy") return RemovalPolicy.DESTROY;
  throw new Error(`Context tableRemovalPolicy must be "retain" or "destroy", not ${JSON.stringify(value)}.`);
}
