import type { CareChatClient } from "../../client/src/index.ts";
import { WEBSOCKET_MESSAGE_UNIT_BYTES } from "./prices.ts";

/** Frames through API Gateway for one client: each frame in either direction, in 32 KB units. */
export interface FrameCount {
  sent: number;
  received: number;
  units: number;
  /** Frames by type (received) or action (sent), for the report. */
  byKind: Record<string, number>;
}

interface Wire {
  send(data: string): boolean;
  on(event: "frame", listener: (frame: Record<string, unknown>) => void): () => void;
}

const unitsOf = (bytes: number) => Math.max(1, Math.ceil(bytes / WEBSOCKET_MESSAGE_UNIT_BYTES));

/**
 * Counts a client's frames on its connection (the SDK's private `connection`, reached from the bench
 * only): what the client writes is exactly what API Gateway receives, and every frame it parses is
 * one API Gateway sent. Received frames are sized by their JSON text, the payload on the wire.
 */
export function countFrames(client: CareChatClient): { count: FrameCount; stop(): void } {
  const wire = (client as unknown as { connection: Wire }).connection;
  const count: FrameCount = { sent: 0, received: 0, units: 0, byKind: {} };
  let counting = true;
  const tally = (kind: string, bytes: number) => {
    count.byKind[kind] = (count.byKind[kind] ?? 0) + 1;
    count.units += unitsOf(bytes);
  };
  const send = wire.send.bind(wire);
  wire.send = (data: string) => {
    const sent = send(data);
    if (sent && counting) {
      count.sent += 1;
      tally(`→ ${String((JSON.parse(data) as { action?: unknown }).action)}`, Buffer.byteLength(data));
    }
    return sent;
  };
  const off = wire.on("frame", (frame) => {
    if (!counting) return;
    count.received += 1;
    tally(`← ${String(frame.type)}`, Buffer.byteLength(JSON.stringify(frame)));
  });
  return {
    count,
    stop: () => {
      counting = false;
      off();
    },
  };
}

export const addFrames = (a: FrameCount, b: FrameCount): FrameCount => {
  const byKind = { ...a.byKind };
  for (const [kind, n] of Object.entries(b.byKind)) byKind[kind] = (byKind[kind] ?? 0) + n;
  return { sent: a.sent + b.sent, received: a.received + b.received, units: a.units + b.units, byKind };
};
