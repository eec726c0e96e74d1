import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { cdkBundlingOptions, functionNodeOptions, POWERTOOLS_LAYER_VERSION } from "./bundling.ts";

/** The repository root: `infra/constructs/` is two levels below it. */
export const REPO_ROOT: string = fileURLToPath(new URL("../..", import.meta.url));

/** Properties of {@link ChatFunction}. */
export interface ChatFunctionProps {
  /**
   * The handler's TypeScript entry file, absolute or relative to {@link ChatFunctionProps.projectRoot}
   * (for example `functions/handlers/connect.ts`). The file must export the handler function.
   */
  readonly entry: string;

  /**
   * The name of the exported handler function.
   *
   * @default "handler"
   */
  readonly handler?: string;

  /**
   * A description of the function, shown in the Lambda console.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Memory in MB (CPU scales with it).
   *
   * @default 512
   */
  readonly memorySize?: number;

  /**
   * Maximum run time. 29 seconds matches API Gateway's integration timeout: a WebSocket route cannot
   * wait longer for its reply.
   *
   * @default Duration.seconds(29)
   */
  readonly timeout?: Duration;

  /**
   * Reserved concurrency: at most this many invocations at once; beyond it Lambda throttles (API
   * Gateway then answers the frame with an error instead of queueing it).
   *
   * @default none (the account's unreserved pool)
   */
  readonly reservedConcurrentExecutions?: number;

  /**
   * How long the function's log group keeps log events.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logGroupRetention?: logs.RetentionDays;

  /**
   * A customer managed KMS key for the function's log group. Its key policy must let
   * `logs.<region>.amazonaws.com` use it (see ChatEncryptionKey).
   *
   * @default - CloudWatch Logs' own encryption
   */
  readonly logGroupEncryptionKey?: kms.IKey;

  /**
   * Files copied into the function's code next to the bundle, by name (`{ "routing.json": "/abs/file" }`),
   * so that they are at `/var/task/<name>` at run time and part of the code asset's hash.
   *
   * @default - none
   */
  readonly bundledFiles?: Readonly<Record<string, string>>;

  /**
   * The version of AWS's public Powertools for AWS Lambda (TypeScript) layer
   * (`AWSLambdaPowertoolsTypeScriptV2`) the function loads Powertools from: the bundles leave
   * `@aws-lambda-powertools/*` out (see bundling.ts), so the layer must carry the same major version as
   * package.json.
   *
   * @default POWERTOOLS_LAYER_VERSION
   */
  readonly powertoolsLayerVersion?: number;

  /**
   * Stack traces in the logs point into the TypeScript sources (`NODE_OPTIONS=--enable-source-maps`),
   * at the price of parsing the bundle's source map on every cold start (about 13 ms for the largest
   * function). Off, traces name the minified bundle; its map ships in the asset to decode them.
   *
   * @default false
   */
  readonly sourceMapStackTraces?: boolean;

  /**
   * What happens to the function's log group when it is removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly logGroupRemovalPolicy?: RemovalPolicy;

  /**
   * Extra environment variables, merged over the preset ones (`POWERTOOLS_SERVICE_NAME`, `LOG_LEVEL`,
   * and `NODE_OPTIONS` with {@link ChatFunctionProps.sourceMapStackTraces}).
   *
   * @default - the preset variables only
   */
  readonly environment?: Record<string, string>;

  /**
   * The directory esbuild bundles from and the asset is staged from.
   *
   * @default - the repository root
   */
  readonly projectRoot?: string;

  /**
   * The lock file that identifies the package manager and the project's dependencies.
   *
   * @default - `package-lock.json` in {@link ChatFunctionProps.projectRoot}
   */
  readonly depsLockFilePath?: string;
}

/**
 * A carechat Lambda function: a `NodejsFunction` preset (Node.js 22 on ARM64, ESM bundle built with the
 * local esbuild, source maps, X-Ray active tracing) with its own log group and its own execution role.
 *
 * The role carries no AWS managed policy: it may write to this function's log group only, and gets
 * X-Ray write access from a separate, dedicated policy. Everything else is granted by the caller
 * (`table.grantReadWriteData(fn)`, ...), so each function holds exactly what it uses.
 */
export class ChatFunction extends Construct implements iam.IGrantable {
  /** The Lambda function. */
  public readonly function: NodejsFunction;
  /** The function's log group. */
  public readonly logGroup: logs.LogGroup;
  /** The function's execution role. */
  public readonly role: iam.Role;

  public constructor(scope: Construct, id: string, props: ChatFunctionProps) {
    super(scope, id);
    const projectRoot = props.projectRoot ?? REPO_ROOT;

    this.logGroup = new logs.LogGroup(this, "LogGroup", {
      retention: props.logGroupRetention ?? logs.RetentionDays.ONE_MONTH,
      encryptionKey: props.logGroupEncryptionKey,
      removalPolicy: props.logGroupRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.role = new iam.Role(this, "ServiceRole", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Execution role of the carechat ${id} function`,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs:CreateLogGroup/CreateLogStream/PutLogEvents on *):
    // the log group exists, so the function only needs to write to that one group.
    this.logGroup.grantWrite(this.role);

    // X-Ray has no resource-level permissions, so its statement necessarily names "*". It lives in its
    // own policy so that the acknowledgement below covers exactly this statement and nothing added later.
    const tracingPolicy = new iam.Policy(this, "TracingPolicy", {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
          resources: ["*"],
        }),
      ],
    });
    Validations.of(tracingPolicy).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason:
        "X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; this policy holds only that statement.",
    });

    this.function = new NodejsFunction(this, "Function", {
      entry: path.resolve(projectRoot, props.entry),
      handler: props.handler ?? "handler",
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(29),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      layers: [
        lambda.LayerVersion.fromLayerVersionArn(
          this,
          "PowertoolsLayer",
          `arn:${Stack.of(this).partition}:lambda:${Stack.of(this).region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:${props.powertoolsLayerVersion ?? POWERTOOLS_LAYER_VERSION}`,
        ),
      ],
      projectRoot,
      depsLockFilePath: props.depsLockFilePath ?? path.join(projectRoot, "package-lock.json"),
      environment: {
        POWERTOOLS_SERVICE_NAME: "carechat",
        POWERTOOLS_METRICS_NAMESPACE: "carechat",
        // The Powertools tracer (functions/lib/tracer.ts) on, beside active tracing; responses never captured.
        POWERTOOLS_TRACE_ENABLED: "true",
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: "false",
        LOG_LEVEL: "INFO",
        ...nodeOptions(props.sourceMapStackTraces),
        ...props.environment,
      },
      // Shared with `npm run bench:bundles`, which measures exactly what ships.
      bundling: {
        ...cdkBundlingOptions(),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) =>
            Object.entries(props.bundledFiles ?? {}).map(([name, source]) =>
              copyCommand(source, outputDir, name),
            ),
        },
      },
    });
    // Active tracing set on the L1 resource: the L2 `tracing` prop would add the X-Ray statement to the
    // role's default policy, next to the application grants, instead of the dedicated policy above.
    const cfnFunction = this.function.node.defaultChild as lambda.CfnFunction;
    cfnFunction.tracingConfig = { mode: lambda.Tracing.ACTIVE };
    cfnFunction.node.addDependency(tracingPolicy);

    Validations.of(this.function).acknowledge({
      id: "AwsSolutions-L1",
      reason:
        "nodejs22.x is chosen deliberately (in standard support until 2027-04-30): the bundle targets node22 " +
        "and the handlers are tested on Node 20/22 locally; move to nodejs24.x together with the esbuild target.",
    });
  }

  /** The principal to grant permissions to: the function's execution role. */
  public get grantPrincipal(): iam.IPrincipal {
    return this.function.grantPrincipal;
  }

  /** The function's ARN. */
  public get functionArn(): string {
    return this.function.functionArn;
  }

  /** Adds an environment variable to the function. */
  public addEnvironment(key: string, value: string): this {
    this.function.addEnvironment(key, value);
    return this;
  }
}

/** A shell command copying `source` to `outputDir/name` (local bundling runs it in bash, or cmd on Windows). */
function copyCommand(source: string, outputDir: string, name: string): string {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Bundled file name "${name}" must be a plain file name.`);
  const target = path.join(outputDir, name);
  return process.platform === "win32"
    ? `copy /Y "${source}" "${target}"`
    : `cp ${JSON.stringify(source)} ${JSON.stringify(target)}`;
}

/** Where a file given in {@link ChatFunctionProps.bundledFiles} lands on Lambda (`LAMBDA_TASK_ROOT`). */
export const bundledFilePath = (name: string) => `/var/task/${name}`;

function nodeOptions(sourceMapStackTraces: boolean | undefined): Record<string, string> {
  const options = functionNodeOptions(sourceMapStackTraces);
  return options ? { NODE_OPTIONS: options } : {};
}
