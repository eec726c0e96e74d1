import type { LazyStepFunctions } from "../aws/step-functions-client.ts";
import { logger } from "../logger.ts";

/** The execution that serves a chat's handoff `handoff`, restarted `restarts` times (0: the first one). */
export function handoffExecutionName(chatId: string, handoff: number, restarts: number): string {
  const base = `handoff-${chatId}-${handoff}`;
  return (restarts > 0 ? `${base}-r${restarts}` : base).slice(0, 80);
}

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
  /** Set by the reconciler's restart: carry on from the chat's queue entry, whichever handoff wrote it. */
  readonly resume?: boolean;
  /** A conference invitation to offer (functions/lib/conference/): the invite states, not the queue's. */
  readonly inviteId?: string;
}

/** By chat and handoff number, or by invitation: a duplicate start cannot start a second execution. */
export const executionName = (input: HandoffInput, attempt: number) =>
  input.inviteId ? `invite-${input.inviteId}`.slice(0, 80) : handoffExecutionName(input.chatId, attempt, 0);

/** Starts the handoff state machine and answers its callback tasks. */
export class HandoffWorkflow {
  constructor(
    private readonly stepFunctions: LazyStepFunctions,
    private readonly stateMachineArn: string,
  ) {}

  /** Named by chat and handoff number, so a duplicate request cannot start a second workflow. */
  async start(input: HandoffInput, attempt: number): Promise<void> {
    const { sdk, client } = await this.stepFunctions.load();
    try {
      await client.send(
        new sdk.StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: executionName(input, attempt),
          input: JSON.stringify({ ...input, handoff: attempt }),
        }),
      );
    } catch (error) {
      if (!(error instanceof sdk.ExecutionAlreadyExists)) throw error;
    }
  }

  /**
   * Resumes a waiting state. The chat's own items are the truth; this is only a wake-up, so a
   * token that has already been answered or timed out is not an error.
   */
  async signal(token: string | undefined, outcome: WaitOutcome): Promise<void> {
    if (!token) return;
    const { sdk, client } = await this.stepFunctions.load();
    try {
      await client.send(
        new sdk.SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(outcome) }),
      );
    } catch (error) {
      const name = (error as Error).name;
      if (name !== "TaskTimedOut" && name !== "TaskDoesNotExist" && name !== "InvalidToken") throw error;
      logger.debug("Stale task token", { outcome: outcome.outcome, reason: name });
    }
  }
}
