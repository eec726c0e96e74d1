import { Connection } from "../../client/src/index.ts";
import type { LocalStack } from "../../local/stack.ts";
import { percentile } from "../stats.ts";
import { startRelay } from "../ws-relay.ts";
import { assignedChat, closePair } from "./assigned-chat.ts";

export interface LoadShape {
  readonly chats: number;
  readonly intervalMs: number;
  readonly durationMs: number;
}

export interface LoadResult {
  readonly offered: number;
  readonly delivered: number;
  readonly refused: number;
  readonly offeredPerSecond: number;
  readonly deliveredPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** 20 chats, one message every 500 ms each (the two sides taking turns), for 20 s: 40 msg/s offered. */
export const DEFAULT_LOAD: LoadShape = { chats: 20, intervalMs: 500, durationMs: 20_000 };
/** A lighter point beside it, 10 msg/s offered: where the local stack is not saturated on a small machine. */
export const LIGHT_LOAD: LoadShape = { chats: 10, intervalMs: 1000, durationMs: 20_000 };

interface Side {
  send(text: string): Promise<unknown>;
  onText(listener: (text: string) => void): void;
}

/**
 * An open-loop load: every chat sends on its own clock whether or not earlier messages arrived, so
 * a slow path shows as latency rather than as a lower offered rate. Latency is from the send to the
 * other side's socket; msg/s is messages delivered over the time from the first send to the last
 * delivery.
 */
async function drive(pairs: ReadonlyArray<readonly [Side, Side]>, shape: LoadShape): Promise<LoadResult> {
  // The sender may get its own message back: only the other side's copy counts as delivered.
  const sentAt = new Map<string, { at: number; from: Side }>();
  const latencies: number[] = [];
  let lastDelivery = 0;
  for (const [a, b] of pairs)
    for (const side of [a, b])
      side.onText((text) => {
        const sent = sentAt.get(text);
        if (sent === undefined || sent.from === side) return;
        sentAt.delete(text);
        lastDelivery = performance.now();
        latencies.push(lastDelivery - sent.at);
      });
  const perChat = Math.floor(shape.durationMs / shape.intervalMs);
  let refused = 0;
  const sends: Promise<unknown>[] = [];
  const startedAt = performance.now();
  await Promise.all(
    pairs.map(async ([a, b], chat) => {
      // Stagger the chats over one interval, as independent chats would be.
      await sleep((shape.intervalMs * chat) / pairs.length);
      for (let index = 0; index < perChat; index += 1) {
        const due = startedAt + (shape.intervalMs * chat) / pairs.length + index * shape.intervalMs;
        await sleep(due - performance.now());
        const text = `load ${chat}-${index}`;
        const from = index % 2 === 0 ? a : b;
        sentAt.set(text, { at: performance.now(), from });
        sends.push(from.send(text).catch(() => (refused += 1)));
      }
    }),
  );
  await Promise.allSettled(sends);
  const deadline = performance.now() + 5000;
  while (sentAt.size > refused && performance.now() < deadline) await sleep(20);
  const offered = perChat * pairs.length;
  const seconds = (lastDelivery - startedAt) / 1000;
  return {
    offered,
    delivered: latencies.length,
    refused,
    offeredPerSecond: (pairs.length * 1000) / shape.intervalMs,
    deliveredPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The load on carechat: sendMessage through the SDK, delivered as `message` events. */
export async function carechatLoad(stack: LocalStack, shape = DEFAULT_LOAD): Promise<LoadResult> {
  const stamp = Date.now();
  const chats = await Promise.all(
    Array.from({ length: shape.chats }, (_, index) => assignedChat(stack, `load-${stamp}-${index}`)),
  );
  try {
    return await drive(
      chats.map(
        ({ chatId, customer, agent }) =>
          [customer, agent].map(
            (client): Side => ({
              send: (text) => client.sendMessage(chatId, text),
              onText: (listener) => client.on("message", (frame) => listener(frame.text)),
            }),
          ) as [Side, Side],
      ),
      shape,
    );
  } finally {
    await Promise.all(chats.map(closePair));
  }
}

/** The same load on a bare ws relay, one room per chat, through the SDK's connection layer. */
export async function relayLoad(shape = DEFAULT_LOAD): Promise<LoadResult> {
  const relay = await startRelay();
  const connections: Connection[] = [];
  try {
    const pairs = await Promise.all(
      Array.from({ length: shape.chats }, async (_, chat) => {
        const open = async () => {
          const connection = new Connection({
            url: `${relay.url}/room-${chat}`,
            token: "x",
            reconnect: false,
          });
          await connection.open();
          connections.push(connection);
          return {
            send: async (text: string) => connection.send(JSON.stringify({ type: "message", text })),
            onText: (listener: (text: string) => void) =>
              connection.on("frame", (frame) => listener(String(frame.text))),
          } satisfies Side;
        };
        return [await open(), await open()] as const;
      }),
    );
    return await drive(pairs, shape);
  } finally {
    await Promise.all(connections.map((connection) => connection.close()));
    await relay.stop();
  }
}
