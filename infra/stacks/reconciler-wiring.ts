import type { Construct } from "constructs";
import type { ChatFunction } from "../constructs/chat-function.ts";
import { ChatReconciler } from "../constructs/chat-reconciler.ts";
import type { ChatWorkflow } from "../constructs/chat-workflow.ts";

/**
 * The reconciler's place in the stack: both workflows' ARNs in its environment (it is invoked by no
 * state machine, so it may reference both without a cycle), their grants, and its schedule.
 */
export function wireReconciler(
  stack: Construct & {
    readonly functions: { readonly reconciler: ChatFunction };
    readonly closureWorkflow: ChatWorkflow;
    readonly handoffWorkflow: ChatWorkflow;
  },
  handoffStateMachineName: string,
): ChatReconciler {
  const { functions, closureWorkflow, handoffWorkflow } = stack;
  functions.reconciler.addEnvironment("CLOSURE_STATE_MACHINE_ARN", closureWorkflow.stateMachineArn);
  functions.reconciler.addEnvironment("HANDOFF_STATE_MACHINE_ARN", handoffWorkflow.stateMachineArn);
  return new ChatReconciler(stack, "ReconcilerSchedule", {
    function: functions.reconciler.function,
    closureWorkflow,
    handoffWorkflow,
    handoffStateMachineName,
  });
}
