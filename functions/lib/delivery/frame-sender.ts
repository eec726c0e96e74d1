import {
  type ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";
import type { ConnectionStore } from "../data/connection-store.ts";
import type { SubscriptionRecord } from "../data/records.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

export interface BroadcastOptions {
  /** The chat the frames belong to: a connection found gone is unsubscribed from it. */
  readonly chatId?: string;
  readonly excludeUserId?: string;
}

/**
 * Posts frames through the API Gateway management API. Frames to one connection go one after
 * another so they arrive in order; different connections are posted to in parallel. A connection
 * answered with 410 Gone is removed, so no later message is posted to it again.
 */
export class FrameSender {
  constructor(
    private readonly connections: ApiGatewayManagementApiClient,
    private readonly store: Pick<ConnectionStore, "listForUser" | "forget">,
  ) {}

  /** Returns false if the connection is gone. */
  async send(connectionId: string, frames: readonly ServerFrame[]): Promise<boolean> {
    for (const frame of frames) {
      try {
        await this.connections.send(
          new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(frame) }),
        );
      } catch (error) {
        if ((error as Error).name === "GoneException") return false;
        throw error;
      }
    }
    return true;
  }

  /** Posts to every open connection of one user (an agent signed in on several devices, say). */
  async sendToUser(userId: string, frames: readonly ServerFrame[]): Promise<number> {
    const connectionIds = await this.store.listForUser(userId);
    const delivered = await Promise.all(
      connectionIds.map(async (connectionId) => {
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
  ): Promise<void> {
    const targets = subscriptions.filter((subscription) => subscription.userId !== options.excludeUserId);
    const outcomes = await Promise.allSettled(
      targets.map(async (target) => ({ target, delivered: await this.send(target.connectionId, frames) })),
    );
    const gone = outcomes.flatMap((outcome) =>
      outcome.status === "fulfilled" && !outcome.value.delivered ? [outcome.value.target.connectionId] : [],
    );
    await Promise.all(gone.map((connectionId) => this.store.forget(connectionId, options.chatId)));
    const failed = outcomes.find((outcome) => outcome.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }
}
