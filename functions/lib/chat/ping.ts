import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

/**
 * The application-level keep-alive: any frame resets API Gateway's 10-minute idle timer, and a
 * browser cannot send WebSocket ping frames, so clients send this. Nothing is read or stored.
 */
export async function ping(frame: ClientFrame<"ping">): Promise<ServerFrame<"pong">> {
  return { type: "pong", requestId: frame.requestId };
}
