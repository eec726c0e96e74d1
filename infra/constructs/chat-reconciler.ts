import { ArnFormat, Duration, Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import type { ChatWorkflow } from "./chat-workflow.ts";
import { acknowledgeWildcardResource } from "./nag-acknowledgements.ts";

/** Properties of {@link ChatReconciler}. */
export interface ChatReconcilerProps {
  /** The reconciler function (functions/handlers/reconciler.ts). */
  readonly function: lambda.IFunction;
  /** The closure workflow it restarts (StartExecution). */
  readonly closureWorkflow: ChatWorkflow;
  /**
   * The handoff workflow whose executions it inspects (DescribeExecution on its executions) and
   * restarts (StartExecution), and whose waits it wakes (SendTaskSuccess). It needs a fixed name.
   */
  readonly handoffWorkflow: ChatWorkflow;
  /** The handoff state machine's fixed name, for its executions' ARNs. */
  readonly handoffStateMachineName: string;
  /** How often it runs. @default rate(1 minute) */
  readonly schedule?: events.Schedule;
}

/**
 * Runs the reconciler on a schedule: every run finds and repairs what a crash can leave (a queued chat
 * with no running handoff, a closure that did not finish, an offer past its expiry, an agent's slot
 * count) and applies the presence timeouts. A failed or late run is not retried: the next run, a
 * minute later, judges afresh, and every repair is conditioned on what it read.
 */
export class ChatReconciler extends Construct {
  /** The schedule. */
  public readonly rule: events.Rule;

  public constructor(scope: Construct, id: string, props: ChatReconcilerProps) {
    super(scope, id);
    const fn = props.function;
    this.rule = new events.Rule(this, "Schedule", {
      description: "Runs the carechat reconciler: repairs stranded chats, closures, offers and agent slots",
      schedule: props.schedule ?? events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(fn, { retryAttempts: 0, maxEventAge: Duration.minutes(1) })],
    });
    props.closureWorkflow.grantStartExecution(fn);
    props.handoffWorkflow.grantStartExecution(fn);
    props.handoffWorkflow.grantTaskResponse(fn);
    const executions = Stack.of(this).formatArn({
      service: "states",
      resource: "execution",
      resourceName: `${props.handoffStateMachineName}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const grant = iam.Grant.addToPrincipal({
      grantee: fn,
      actions: ["states:DescribeExecution"],
      resourceArns: [executions],
    });
    if (fn.role)
      acknowledgeWildcardResource(
        fn.role,
        executions,
        "The reconciler reads the status of the handoff executions it may restart; their names are per chat, known only at run time.",
      );
    void grant;
  }
}
