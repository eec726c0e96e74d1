import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  type SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { type HandoffInput, handoffExecutionName } from "./handoff-workflow.ts";

/**
 * What the reconciler asks of the handoff state machine: is a chat's execution still running, and
 * start it again. A restart is an execution named after the restart count (counted on the chat under a
 * condition first), whose Enqueue finds the chat already queued and carries on from its entry.
 */
export class HandoffExecutions {
  constructor(
    private readonly stepFunctions: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async isRunning(name: string): Promise<boolean> {
    const executionArn = `${this.stateMachineArn.replace(":stateMachine:", ":execution:")}:${name}`;
    try {
      const { status } = await this.stepFunctions.send(new DescribeExecutionCommand({ executionArn }));
      return status === "RUNNING";
    } catch (error) {
      if ((error as Error).name === "ExecutionDoesNotExist") return false;
      throw error;
    }
  }

  async restart(chatId: string, handoff: number, restarts: number): Promise<void> {
    const input: HandoffInput = { chatId, handoff, resume: true };
    try {
      await this.stepFunctions.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: handoffExecutionName(chatId, handoff, restarts),
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }
}
