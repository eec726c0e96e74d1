import type { LazyStepFunctions } from "../aws/step-functions-client.ts";

/** Starts the chat-closure state machine (state-machines/chat-closure.asl.json). */
export class ClosureWorkflow {
  constructor(
    private readonly stepFunctions: LazyStepFunctions,
    private readonly stateMachineArn: string,
  ) {}

  /**
   * The execution is named after the chat and the attempt, so a retried request cannot start the
   * same closure twice, while a closure that failed can be started again.
   */
  async start(chatId: string, endedBy: string, attempt: number): Promise<void> {
    const { sdk, client } = await this.stepFunctions.load();
    try {
      await client.send(
        new sdk.StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: `close-${chatId}-${attempt}`.slice(0, 80),
          input: JSON.stringify({ chatId, endedBy }),
        }),
      );
    } catch (error) {
      if (!(error instanceof sdk.ExecutionAlreadyExists)) throw error;
    }
  }
}
