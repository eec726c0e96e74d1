import { RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as apigateway from "aws-cdk-lib/aws-apigateway";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import { WebSocketLambdaAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { WebSocketLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { clientActions } from "../../functions/lib/protocol/client-frames.ts";
import { acknowledgeManagedPolicy, acknowledgeWildcardResource } from "./nag-acknowledgements.ts";

/** The client actions of the carechat WebSocket protocol, one API Gateway route each: the protocol module's list. */
export const DEFAULT_ACTION_ROUTES: readonly string[] = clientActions;

/** The route selection expression: client frames name their route in the `action` field. */
export const ROUTE_SELECTION_EXPRESSION = "$request.body.action";

/** Where the `$connect` authorizer finds the token: `wss://host/stage?token=JWT`. */
export const TOKEN_IDENTITY_SOURCE = "route.request.querystring.token";

/** Properties of {@link WebSocketChatApi}. */
export interface WebSocketChatApiProps {
  /** The Lambda REQUEST authorizer run on `$connect`; it reads the token from the `token` query parameter. */
  readonly authorizerHandler: lambda.IFunction;

  /** The `$connect` route's function (runs after the authorizer allowed the connection). */
  readonly connectHandler: lambda.IFunction;

  /** The `$disconnect` route's function. */
  readonly disconnectHandler: lambda.IFunction;

  /**
   * The function behind `$default` and every action route. It answers with the reply frame as the
   * integration response body, which API Gateway sends back to the client (`returnResponse`).
   */
  readonly actionsHandler: lambda.IFunction;

  /**
   * The client actions; each becomes a route (`routeKey` = action) to {@link actionsHandler}.
   * Frames with any other `action` go to `$default`.
   *
   * @default DEFAULT_ACTION_ROUTES
   */
  readonly actionRoutes?: readonly string[];

  /**
   * The API's name.
   *
   * @default - the construct's unique id
   */
  readonly apiName?: string;

  /**
   * The stage name; it is the last path segment of the WebSocket URL and the management endpoint.
   *
   * @default "prod"
   */
  readonly stageName?: string;

  /**
   * Steady-state request rate limit of the stage's routes, in requests per second (messages and
   * connection attempts alike).
   *
   * @default 500
   */
  readonly throttlingRateLimit?: number;

  /**
   * Burst limit of the stage's routes, in requests.
   *
   * @default 1000
   */
  readonly throttlingBurstLimit?: number;

  /**
   * How long the access log group keeps log events.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly accessLogRetention?: logs.RetentionDays;

  /**
   * A customer managed KMS key for the access log group (its policy must let CloudWatch Logs use it).
   *
   * @default - CloudWatch Logs' own encryption
   */
  readonly accessLogEncryptionKey?: kms.IKey;

  /**
   * What happens to the access log group when it is removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly accessLogRemovalPolicy?: RemovalPolicy;

  /**
   * Create the IAM role that API Gateway uses to write CloudWatch logs and register it in the API Gateway
   * account settings of this account and region (`AWS::ApiGateway::Account`). WebSocket stages cannot
   * enable access logging without it ("CloudWatch Logs role ARN must be set in account settings").
   * It is an account-and-region-wide setting: turn this off where the account already has one (for
   * example a landing zone that manages it), so that stacks do not overwrite each other's setting.
   *
   * @default true
   */
  readonly configureAccountLoggingRole?: boolean;
}

/**
 * A WebSocket API for the carechat protocol: route selection on `$request.body.action`, a Lambda REQUEST
 * authorizer on `$connect` reading `?token=`, `$connect` / `$disconnect` / `$default` routes plus one
 * route per client action, and an auto-deployed, throttled stage with JSON access logs.
 */
export class WebSocketChatApi extends Construct {
  /** The WebSocket API. */
  public readonly webSocketApi: apigwv2.WebSocketApi;
  /** The API's stage. */
  public readonly stage: apigwv2.WebSocketStage;
  /** The stage's access log group. */
  public readonly accessLogGroup: logs.LogGroup;
  /** The route of each route key (`$connect`, `$disconnect`, `$default` and each action). */
  public readonly routes: ReadonlyMap<string, apigwv2.WebSocketRoute>;

  public constructor(scope: Construct, id: string, props: WebSocketChatApiProps) {
    super(scope, id);
    const stageName = props.stageName ?? "prod";

    const authorizer = new WebSocketLambdaAuthorizer("TokenAuthorizer", props.authorizerHandler, {
      identitySource: [TOKEN_IDENTITY_SOURCE],
    });
    const actionsIntegration = new WebSocketLambdaIntegration("ActionsIntegration", props.actionsHandler);

    this.webSocketApi = new apigwv2.WebSocketApi(this, "Api", {
      apiName: props.apiName,
      description: "carechat customer-care chat (WebSocket protocol v1)",
      routeSelectionExpression: ROUTE_SELECTION_EXPRESSION,
      connectRouteOptions: {
        integration: new WebSocketLambdaIntegration("ConnectIntegration", props.connectHandler),
        authorizer,
      },
      disconnectRouteOptions: {
        integration: new WebSocketLambdaIntegration("DisconnectIntegration", props.disconnectHandler),
      },
      defaultRouteOptions: { integration: actionsIntegration, returnResponse: true },
    });

    const routes = new Map<string, apigwv2.WebSocketRoute>();
    for (const routeKey of ["$connect", "$disconnect", "$default"]) {
      const route = this.webSocketApi.node.tryFindChild(`${routeKey}-Route`);
      if (route instanceof apigwv2.WebSocketRoute) routes.set(routeKey, route);
    }
    for (const action of props.actionRoutes ?? DEFAULT_ACTION_ROUTES) {
      routes.set(
        action,
        this.webSocketApi.addRoute(action, { integration: actionsIntegration, returnResponse: true }),
      );
    }
    this.routes = routes;

    for (const [routeKey, route] of routes) {
      if (routeKey === "$connect") continue;
      Validations.of(route).acknowledge({
        id: "AwsSolutions-APIG4",
        reason:
          "WebSocket APIs authorize once, on $connect (Lambda REQUEST authorizer checking the JWT); API Gateway " +
          "accepts no authorizer on other routes. Every later frame travels on that authorized connection and " +
          "carries the authorizer context, which the handlers use to check participation in each chat.",
      });
    }

    this.accessLogGroup = new logs.LogGroup(this, "AccessLogs", {
      retention: props.accessLogRetention ?? logs.RetentionDays.ONE_MONTH,
      encryptionKey: props.accessLogEncryptionKey,
      removalPolicy: props.accessLogRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.stage = new apigwv2.WebSocketStage(this, "Stage", {
      webSocketApi: this.webSocketApi,
      stageName,
      autoDeploy: true,
      throttle: {
        rateLimit: props.throttlingRateLimit ?? 500,
        burstLimit: props.throttlingBurstLimit ?? 1000,
      },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogGroup),
        format: accessLogFormat(),
      },
    });

    if (props.configureAccountLoggingRole ?? true) {
      const account = this.configureAccountLoggingRole();
      this.stage.node.addDependency(account);
    }
  }

  /** The WebSocket URL clients connect to: `wss://{apiId}.execute-api.{region}.{urlSuffix}/{stage}`. */
  public get url(): string {
    return this.stage.url;
  }

  /**
   * The API Gateway management API endpoint that functions post frames to (`@connections`):
   * `https://{apiId}.execute-api.{region}.{urlSuffix}/{stage}`.
   */
  public get managementEndpoint(): string {
    return this.stage.callbackUrl;
  }

  /**
   * Grants `execute-api:ManageConnections` (post to, get and delete connections) on this stage's
   * `@connections` resources, and acknowledges the unavoidable wildcard on the grantee's default
   * policy: connection ids are only known at run time.
   */
  public grantManageConnections(grantee: iam.IGrantable): iam.Grant {
    const apiArn = Stack.of(this).formatArn({ service: "execute-api", resource: this.webSocketApi.apiId });
    const connectionsArn = `${apiArn}/${this.stage.stageName}/*/@connections/*`;
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: ["execute-api:ManageConnections"],
      resourceArns: [connectionsArn],
    });
    const principal = grantee.grantPrincipal;
    if (principal instanceof iam.Role) {
      acknowledgeWildcardResource(
        principal.node.tryFindChild("DefaultPolicy") ?? principal,
        connectionsArn,
        "Frames are posted to connections whose ids exist only at run time; the grant is limited to this " +
          "API's stage and its @connections management resources.",
      );
    }
    return grant;
  }

  private configureAccountLoggingRole(): apigateway.CfnAccount {
    const managedPolicyArn = iam.ManagedPolicy.fromAwsManagedPolicyName(
      "service-role/AmazonAPIGatewayPushToCloudWatchLogs",
    ).managedPolicyArn;
    const role = new iam.Role(this, "CloudWatchRole", {
      assumedBy: new iam.ServicePrincipal("apigateway.amazonaws.com"),
      description: "Lets API Gateway write access logs to CloudWatch Logs (account setting)",
      managedPolicies: [
        iam.ManagedPolicy.fromManagedPolicyArn(this, "PushToCloudWatchLogs", managedPolicyArn),
      ],
    });
    // Other APIs in the account and region may rely on the setting: keep it when this stack goes away.
    role.applyRemovalPolicy(RemovalPolicy.RETAIN);
    acknowledgeManagedPolicy(
      role,
      managedPolicyArn,
      "AmazonAPIGatewayPushToCloudWatchLogs is the AWS-maintained policy for the API Gateway account-level " +
        "logging role; that role serves every API in the account and region, so it cannot be scoped to " +
        "this stack's log groups.",
    );
    const account = new apigateway.CfnAccount(this, "Account", { cloudWatchRoleArn: role.roleArn });
    account.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return account;
  }
}

/** JSON access log lines: who connected, which route, what the authorizer and integration answered. */
function accessLogFormat(): apigateway.AccessLogFormat {
  return apigateway.AccessLogFormat.custom(
    JSON.stringify({
      requestId: "$context.requestId",
      extendedRequestId: "$context.extendedRequestId",
      requestTime: "$context.requestTime",
      eventType: "$context.eventType",
      routeKey: "$context.routeKey",
      connectionId: "$context.connectionId",
      messageId: "$context.messageId",
      sourceIp: "$context.identity.sourceIp",
      userAgent: "$context.identity.userAgent",
      principalId: "$context.authorizer.principalId",
      status: "$context.status",
      authorizeStatus: "$context.authorize.status",
      authorizeError: "$context.authorize.error",
      authorizerError: "$context.authorizer.error",
      integrationStatus: "$context.integration.status",
      integrationError: "$context.integration.error",
      integrationLatency: "$context.integration.latency",
      errorMessage: "$context.error.message",
    }),
  );
}
