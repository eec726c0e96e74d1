import { readFileSync } from "node:fs";
import * as path from "node:path";
import { Names, RemovalPolicy, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import { REPO_ROOT } from "./chat-function.ts";

/** Properties of {@link ChatWorkflow}. */
export interface ChatWorkflowProps {
  /**
   * The Amazon States Language file, absolute or relative to the repository root
   * (for example `state-machines/chat-closure.asl.json`). It may contain `${Name}` placeholders, each of
   * which must be given in {@link ChatWorkflowProps.definitionSubstitutions}.
   */
  readonly definitionFile: string;

  /**
   * Values for the `${Name}` placeholders of the definition, substituted by CloudFormation at deploy time
   * (for example `{ ChatClosureFunctionArn: fn.functionArn }`).
   *
   * @default - no substitutions
   */
  readonly definitionSubstitutions?: Record<string, string>;

  /**
   * The Lambda functions the definition's Task states invoke. The state machine may invoke exactly these
   * (unqualified) function ARNs; reference them unqualified in the definition.
   *
   * @default - none
   */
  readonly taskFunctions?: readonly lambda.IFunction[];

  /**
   * `EXPRESS` for short, high-volume workflows (at most 5 minutes, at-least-once), `STANDARD` for long
   * or exactly-once ones.
   *
   * @default sfn.StateMachineType.STANDARD
   */
  readonly stateMachineType?: sfn.StateMachineType;

  /**
   * How long the execution log group keeps log events.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * What happens to the execution log group when it is removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;

  /**
   * A comment shown with the state machine.
   *
   * @default - the definition's own `Comment`
   */
  readonly comment?: string;
}

/**
 * A Step Functions state machine built from an ASL file in `state-machines/`, with CloudFormation
 * definition substitutions, X-Ray tracing and execution logging at level ALL without execution data
 * (inputs and outputs may contain chat content, which must not be copied into logs).
 *
 * The definition is read at synth time and embedded with `DefinitionBody.fromString`, so it is
 * validated as JSON, its placeholders are checked against the substitutions, and the template carries
 * the definition itself (not an S3 asset), which tests can assert on.
 */
export class ChatWorkflow extends Construct {
  /** The state machine. */
  public readonly stateMachine: sfn.StateMachine;
  /** The execution log group. */
  public readonly logGroup: logs.LogGroup;
  /** The parsed definition, as read from {@link ChatWorkflowProps.definitionFile}. */
  public readonly definition: Record<string, unknown>;

  public constructor(scope: Construct, id: string, props: ChatWorkflowProps) {
    super(scope, id);
    const file = path.resolve(REPO_ROOT, props.definitionFile);
    const text = readFileSync(file, "utf8");
    try {
      this.definition = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${props.definitionFile} is not valid JSON: ${(error as Error).message}`);
    }
    const substitutions = props.definitionSubstitutions ?? {};
    const missing = placeholdersOf(text).filter((name) => !(name in substitutions));
    if (missing.length > 0) {
      throw new Error(
        `${props.definitionFile} uses \${${missing.join("}, ${")}} but definitionSubstitutions does not define them.`,
      );
    }

    this.logGroup = new logs.LogGroup(this, "Logs", {
      // Step Functions' log delivery updates a CloudWatch Logs resource policy; the /aws/vendedlogs/
      // prefix keeps that policy small, as AWS recommends.
      logGroupName: `/aws/vendedlogs/states/${Names.uniqueResourceName(this, { maxLength: 200, separator: "-" })}`,
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.stateMachine = new sfn.StateMachine(this, "StateMachine", {
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(this.definition)),
      definitionSubstitutions: props.definitionSubstitutions,
      stateMachineType: props.stateMachineType ?? sfn.StateMachineType.STANDARD,
      comment: props.comment,
      tracingEnabled: true,
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });

    // The role's default policy holds only what CDK adds for logging and tracing; task invocations get
    // their own policy, so the acknowledgement below cannot hide an application permission.
    const taskFunctions = props.taskFunctions ?? [];
    if (taskFunctions.length > 0) {
      const invokePolicy = new iam.Policy(this, "TaskInvokePolicy", {
        statements: [
          new iam.PolicyStatement({
            actions: ["lambda:InvokeFunction"],
            resources: taskFunctions.map((fn) => fn.functionArn),
          }),
        ],
      });
      this.stateMachine.role.attachInlinePolicy(invokePolicy);
      // On the CfnStateMachine only: the L2 node also holds the role, which the policy references.
      this.stateMachine.node.defaultChild?.node.addDependency(invokePolicy);
    }
    const defaultPolicy = this.stateMachine.role.node.tryFindChild("DefaultPolicy");
    if (defaultPolicy) {
      Validations.of(defaultPolicy).acknowledge({
        id: "AwsSolutions-IAM5[Resource::*]",
        reason:
          "Statements added by CDK for SF1/SF2: CloudWatch Logs log-delivery actions (CreateLogDelivery, " +
          "PutResourcePolicy, ...) and X-Ray PutTraceSegments support no resource-level permissions.",
      });
    }
  }

  /** The state machine's ARN. */
  public get stateMachineArn(): string {
    return this.stateMachine.stateMachineArn;
  }

  /** Grants `states:StartExecution` on this state machine. */
  public grantStartExecution(grantee: iam.IGrantable): iam.Grant {
    return this.stateMachine.grantStartExecution(grantee);
  }
}

/** The `${Name}` placeholders of a definition (CloudFormation definition substitutions). */
export function placeholdersOf(definition: string): string[] {
  return [...new Set([...definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] ?? ""))];
}
