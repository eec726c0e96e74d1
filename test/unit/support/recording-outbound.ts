import type { SubscriptionRecord } from "../../../functions/lib/data/records.ts";
import type { BroadcastOptions, FrameSender } from "../../../functions/lib/delivery/frame-sender.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";
import type { ServerFrame } from "../../../functions/lib/protocol/server-frames.ts";
import type { ClosureWorkflow } from "../../../functions/lib/workflows/closure-workflow.ts";
import {
  executionName,
  type HandoffInput,
  type HandoffWorkflow,
  type WaitOutcome,
} from "../../../functions/lib/workflows/handoff-workflow.ts";
import type { MemoryConnectionStore } from "./memory-side-stores.ts";
import type { MemoryTable } from "./memory-table.ts";

export interface SentFrame {
  readonly connectionId: string;
  readonly userId: string | undefined;
  readonly frame: ServerFrame;
}

/**
 * The frame sender over the in-memory table: a frame reaches a connection only while the connection
 * is open (an unknown one is "gone" and forgotten, as a 410 makes the real sender do), and every
 * delivered frame is recorded with its connection and that connection's user.
 */
export class RecordingFrameSender implements PortOf<FrameSender> {
  readonly sent: SentFrame[] = [];

  constructor(
    private readonly table: MemoryTable,
    private readonly store: MemoryConnectionStore,
  ) {}

  async send(connectionId: string, frames: readonly ServerFrame[]): Promise<boolean> {
    const connection = this.table.connections.get(connectionId);
    if (!connection) return false;
    for (const frame of frames) this.sent.push({ connectionId, userId: connection.userId, frame });
    return true;
  }

  async sendToUser(userId: string, frames: readonly ServerFrame[]): Promise<number> {
    const delivered = await Promise.all(
      (await this.store.listForUser(userId)).map(async (connectionId) => {
        if (await this.send(connectionId, frames)) return true;
        await this.store.forget(connectionId);
        return false;
      }),
    );
    return delivered.filter(Boolean).length;
  }

  async broadcast(
    subscriptions: readonly SubscriptionRecord[],
    frames: readonly ServerFrame[],
    options: BroadcastOptions = {},
  ): Promise<number> {
    let delivered = 0;
    for (const target of subscriptions.filter(
      (subscription) => subscription.userId !== options.excludeUserId,
    ))
      if (await this.send(target.connectionId, frames)) delivered += 1;
      else await this.store.forget(target.connectionId, options.chatId);
    return delivered;
  }

  /** The frames delivered to one connection, in order. */
  toConnection(connectionId: string): ServerFrame[] {
    return this.sent.filter((sent) => sent.connectionId === connectionId).map((sent) => sent.frame);
  }

  /** The frames delivered to any of a user's connections, in order. */
  toUser(userId: string): ServerFrame[] {
    return this.sent.filter((sent) => sent.userId === userId).map((sent) => sent.frame);
  }
}

/**
 * The handoff workflow as Step Functions treats it: an execution is named by chat and attempt, and a
 * second start under the same name is ignored (ExecutionAlreadyExists); signals without a token are
 * dropped. Records both.
 */
export class RecordingHandoffWorkflow implements PortOf<HandoffWorkflow> {
  readonly executions: { readonly name: string; readonly input: HandoffInput }[] = [];
  readonly signals: { readonly token: string; readonly outcome: WaitOutcome }[] = [];

  async start(input: HandoffInput, attempt: number): Promise<void> {
    const name = executionName(input, attempt);
    if (this.executions.some((execution) => execution.name === name)) return;
    this.executions.push({ name, input: structuredClone(input) });
  }

  async signal(token: string | undefined, outcome: WaitOutcome): Promise<void> {
    if (token) this.signals.push({ token, outcome: structuredClone(outcome) });
  }
}

/** The closure workflow, named by chat and attempt like the real one. */
export class RecordingClosureWorkflow implements PortOf<ClosureWorkflow> {
  readonly executions: { readonly name: string; readonly chatId: string; readonly endedBy: string }[] = [];

  async start(chatId: string, endedBy: string, attempt: number): Promise<void> {
    const name = `close-${chatId}-${attempt}`.slice(0, 80);
    if (this.executions.some((execution) => execution.name === name)) return;
    this.executions.push({ name, chatId, endedBy });
  }
}
