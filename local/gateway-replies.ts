import { randomBytes } from "node:crypto";
import type { Duplex } from "node:stream";
import { AdmissionRefused } from "./admission.ts";

/** API Gateway connection ids look like "L0SM9cOFvHcCIhw=": 12 random bytes, base64. */
export const newConnectionId = () => randomBytes(10).toString("base64");

/** Refuses a WebSocket upgrade with an HTTP status, as API Gateway does for a denied `$connect`. */
export function refuse(socket: Duplex, status: number, reason: string) {
  socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * What the sender of a frame hears when its invocation failed before a route answered: for a frame
 * refused by admission control, the protocol's `RATE_LIMITED` error with the frame's `requestId` and
 * `retryAfterSeconds` (the connection stays usable; clients wait and send again); for a crash,
 * API Gateway's own "Internal server error" message.
 */
export function failedInvocationReply(
  error: unknown,
  frameText: string,
  connectionId: string,
  requestId: string,
): string {
  if (!(error instanceof AdmissionRefused))
    return JSON.stringify({ message: "Internal server error", connectionId, requestId });
  return JSON.stringify({
    type: "error",
    requestId: frameRequestId(frameText),
    code: "RATE_LIMITED",
    message: "The service is busy; please try again shortly.",
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

function frameRequestId(text: string): string | undefined {
  try {
    const requestId = (JSON.parse(text) as { requestId?: unknown })?.requestId;
    return typeof requestId === "string" ? requestId.slice(0, 128) : undefined;
  } catch {
    return undefined;
  }
}
