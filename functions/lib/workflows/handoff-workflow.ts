import {
  ExecutionAlreadyExists,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { logger } from "../logger.ts";

/** What the handoff workflow is told when it waits on a chat (state-machines/chat-handoff.asl.json). */
export type WaitOutcome =
  | { outcome: "offered"; agentId: string }
  | { outcome: "accepted"; agentId: string }
  | { outcome: "declined"; agentId: string }
  | { outcome: "abandoned" };

export interface HandoffInput {
  readonly chatId: string;
  readonly requestId?: string;
  /** A transfer or escalation names its target queue; a first request is routed. */
  readonly targetQueueId?: string;
  readonly reason?: "request" | "transfer" | "escalation";
  /** Ids only: free text (a transfer note) stays on the chat, out of the execution's kept history. */
  readonly fromAgentId?: string;
  /** The chat's handoff number this execution serves (it names the execution too). */
  readonly handoff?: number;
  /** A conference invitation to offer (functions/lib/conference/): the invite states, not the queue's. */
  readonly inviteId?: string;
}

/** By chat and handoff number, or by invitation: a duplicate start cannot start a second execution. */
export const executionName = (input: HandoffInput, attempt: number) =>
  (input.inviteId ? `invite-${input.inviteId}` : `handoff-${input.chatId}-${attempt}`).slice(0, 80);

/** Starts the handoff state machine and answers its callback tasks. */
export class HandoffWorkflow {
  constructor(
    private readonly stepFunctions: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  /** Named by chat and handoff number, so a duplicate request cannot start a second workflow. */
  async start(input: HandoffInput, attempt: number): Promise<void> {
    try {
      await this.stepFunctions.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: executionName(input, attempt),
          input: JSON.stringify({ ...input, handoff: attempt }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }

  /**
   * Resumes a waiting state. The chat's own items are the truth; this is only a wake-up, so a
   * token that has already been answered or timed out is not an error.
   */
  async signal(token: string | undefined, outcome: WaitOutcome): Promise<void> {
    if (!token) return;
    try {
      await this.stepFunctions.send(
        new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(outcome) }),
      );
    } catch (error) {
      const name = (error as Error).name;
      if (name !== "TaskTimedOut" && name !== "TaskDoesNotExist" && name !== "InvalidToken") throw error;
      logger.debug("Stale task token", { outcome: outcome.outcome, reason: name });
    }
  }
}
