import type { LazyStepFunctions } from "../aws/step-functions-client.ts";
import { type HandoffInput, handoffExecutionName } from "./handoff-workflow.ts";

/**
 * What the reconciler asks of the handoff state machine: is a chat's execution still running, and
 * start it again. A restart is an execution named after the restart count (counted on the chat under a
 * condition first), whose Enqueue finds the chat already queued and carries on from its entry.
 */
export class HandoffExecutions {
  constructor(
    private readonly stepFunctions: LazyStepFunctions,
    private readonly stateMachineArn: string,
  ) {}

  async isRunning(name: string): Promise<boolean> {
    const executionArn = `${this.stateMachineArn.replace(":stateMachine:", ":execution:")}:${name}`;
    const { sdk, client } = await this.stepFunctions.load();
    try {
      const { status } = await client.send(new sdk.DescribeExecutionCommand({ executionArn }));
      return status === "RUNNING";
    } catch (error) {
      if ((error as Error).name === "ExecutionDoesNotExist") return false;
      throw error;
    }
  }

  async restart(chatId: string, handoff: number, restarts: number): Promise<void> {
    const input: HandoffInput = { chatId, handoff, resume: true };
    const { sdk, client } = await this.stepFunctions.load();
    try {
      await client.send(
        new sdk.StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: handoffExecutionName(chatId, handoff, restarts),
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      if (!(error instanceof sdk.ExecutionAlreadyExists)) throw error;
    }
  }
}
