import { setTimeout as sleep } from "node:timers/promises";
import {
  type ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";
import type { SubscriptionRecord } from "../data/records.ts";
import { logger } from "../logger.ts";
import { metrics } from "../metrics.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

export interface BroadcastOptions {
  /** The chat the frames belong to: a connection found gone is unsubscribed from it. */
  readonly chatId?: string;
  readonly excludeUserId?: string;
}

/** What the sender needs of the connection side: who is connected, and forgetting a gone connection. */
export interface ConnectionDirectory {
  listForUser(userId: string): Promise<string[]>;
  /** Forgets a connection found gone (and signs out a staff member whose last connection it was). */
  forgetGone(connectionId: string, chatId?: string): Promise<unknown>;
}

export type Delivery = "delivered" | "gone" | "failed";

/** How long one connection's frames are retried on throttling (429) or a 5xx before giving up. */
const RETRY_BUDGET_MS = 2_000;
const BASE_DELAY_MS = 25;

/**
 * Posts frames through the API Gateway management API. Frames to one connection go one after
 * another so they arrive in order; different connections are posted to in parallel. A connection
 * answered with 410 Gone is forgotten, so no later message is posted to it again. Throttling and 5xx
 * answers are retried with jittered backoff within a budget; what still fails is logged and counted
 * (`DeliveriesFailed`) and never thrown: the frames are stored, and `resume` recovers them, so a
 * request whose work is committed still succeeds.
 */
export class FrameSender {
  constructor(
    private readonly connections: ApiGatewayManagementApiClient,
    private readonly directory: ConnectionDirectory,
  ) {}

  /** Returns false if the connection is gone or could not be reached. */
  async send(connectionId: string, frames: readonly ServerFrame[]): Promise<boolean> {
    return (await this.deliver(connectionId, frames)) === "delivered";
  }

  /** Posts to every open connection of one user (an agent signed in on several devices, say). */
  async sendToUser(userId: string, frames: readonly ServerFrame[]): Promise<number> {
    const connectionIds = await this.directory.listForUser(userId);
    const outcomes = await Promise.all(connectionIds.map((id) => this.deliverOrForget(id, frames)));
    return outcomes.filter((outcome) => outcome === "delivered").length;
  }

  async broadcast(
    subscriptions: readonly SubscriptionRecord[],
    frames: readonly ServerFrame[],
    options: BroadcastOptions = {},
  ): Promise<number> {
    const targets = subscriptions.filter((subscription) => subscription.userId !== options.excludeUserId);
    const outcomes = await Promise.all(
      targets.map((target) => this.deliverOrForget(target.connectionId, frames, options.chatId)),
    );
    return outcomes.filter((outcome) => outcome === "delivered").length;
  }

  private async deliverOrForget(connectionId: string, frames: readonly ServerFrame[], chatId?: string) {
    const outcome = await this.deliver(connectionId, frames);
    if (outcome === "gone") await this.directory.forgetGone(connectionId, chatId);
    return outcome;
  }

  private async deliver(connectionId: string, frames: readonly ServerFrame[]): Promise<Delivery> {
    for (const frame of frames) {
      const outcome = await this.post(connectionId, JSON.stringify(frame));
      if (outcome !== "delivered") return outcome;
    }
    return "delivered";
  }

  private async post(connectionId: string, data: string): Promise<Delivery> {
    const deadline = Date.now() + RETRY_BUDGET_MS;
    for (let tries = 0; ; tries += 1) {
      try {
        await this.connections.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
        return "delivered";
      } catch (error) {
        if ((error as Error).name === "GoneException") return "gone";
        const delay = Math.random() * BASE_DELAY_MS * 2 ** tries;
        if (!isRetryable(error) || Date.now() + delay >= deadline) {
          logger.warn("Delivery failed", { connectionId, error: (error as Error).name, tries: tries + 1 });
          metrics.addMetric("DeliveriesFailed", "Count", 1);
          return "failed";
        }
        await sleep(delay);
      }
    }
  }
}

/** Throttling (LimitExceededException, 429) and server-side errors are worth another try. */
function isRetryable(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = $metadata?.httpStatusCode ?? 0;
  return (
    name === "LimitExceededException" || name === "ThrottlingException" || status === 429 || status >= 500
  );
}
