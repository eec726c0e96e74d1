import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CareChatClient } from "../../../client/src/client.ts";
import type { WebSocketConstructor, WebSocketLike } from "../../../client/src/types.ts";

/** A fake WebSocket: records what the client sends; the test plays the server. */
class FakeSocket implements WebSocketLike {
  static sockets: FakeSocket[] = [];
  readyState = 0;
  readonly sent: Record<string, unknown>[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.sockets.push(this);
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.({});
    });
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000, reason = "") {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  /** The server sends a frame. */
  push(frame: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  last(action: string) {
    return this.sent.findLast((frame) => frame.action === action);
  }
}

const message = (chatId: string, seq: number) => ({
  type: "message",
  chatId,
  seq,
  from: { role: "agent", id: "a-1" },
  text: `m${seq}`,
  sentAt: "2026-12-01T20:00:00.000Z",
  redacted: false,
});

let tokens = 0;
const newClient = (options: Partial<ConstructorParameters<typeof CareChatClient>[0]> = {}) =>
  new CareChatClient({
    url: "ws://carechat.test",
    token: () => `token-${++tokens}`,
    WebSocket: FakeSocket as unknown as WebSocketConstructor,
    random: () => 0.5,
    ...options,
  });

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.sockets = [];
  tokens = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe("CareChatClient", () => {
  it("rejects the request an error frame names with its code and retryAfterSeconds, and no other", async () => {
    // Prepare
    const client = newClient();
    await client.connect();
    const socket = FakeSocket.sockets[0] as FakeSocket;
    const ping = client.ping();
    const transcript = client.getTranscript("chat-1").catch((error) => error);
    const pingId = socket.last("ping")?.requestId;
    const transcriptId = socket.last("getTranscript")?.requestId;

    // Act
    socket.push({
      type: "error",
      requestId: transcriptId,
      code: "RATE_LIMITED",
      message: "Slow down",
      retryAfterSeconds: 2,
    });
    socket.push({ type: "pong", requestId: pingId });

    // Assess
    expect(pingId).not.toBe(transcriptId);
    await expect(ping).resolves.toEqual({ type: "pong", requestId: pingId });
    expect(await transcript).toMatchObject({
      name: "CareChatError",
      code: "RATE_LIMITED",
      retryAfterSeconds: 2,
    });
  });

  it("reconnects with a fresh token and resumes each chat from the last seq it delivered", async () => {
    // Prepare
    const client = newClient({ backoff: { baseMs: 1_000 } });
    const delivered: number[] = [];
    client.on("message", (frame) => delivered.push(frame.seq));
    await client.connect();
    const first = FakeSocket.sockets[0] as FakeSocket;
    first.push({ type: "chatStarted", requestId: "x", chatId: "chat-1", state: "assistant" });
    client.resume("chat-1", 0).catch(() => undefined);
    for (const seq of [1, 2, 3, 2]) first.push(message("chat-1", seq));

    // Act
    first.close(1006, "");
    await vi.advanceTimersByTimeAsync(600);
    const second = FakeSocket.sockets[1] as FakeSocket;
    second.push(message("chat-1", 5));
    second.push(message("chat-1", 4));

    // Assess
    expect(second.url).toBe("ws://carechat.test?token=token-2");
    expect(second.last("resume")).toMatchObject({ chatId: "chat-1", afterSeq: 3 });
    expect(delivered).toEqual([1, 2, 3, 4, 5]);
  });

  it("resumes again after retryAfterSeconds when the resume that should fill a gap is refused", async () => {
    // Prepare
    const client = newClient();
    const delivered: number[] = [];
    client.on("message", (frame) => delivered.push(frame.seq));
    await client.connect();
    const socket = FakeSocket.sockets[0] as FakeSocket;
    socket.push({ type: "chatStarted", requestId: "x", chatId: "chat-1", state: "assigned" });
    client.resume("chat-1", 0).catch(() => undefined);
    socket.push({
      type: "resumed",
      requestId: socket.last("resume")?.requestId,
      chatId: "chat-1",
      state: "assigned",
      lastSeq: 1,
    });
    socket.push(message("chat-1", 1));
    await vi.advanceTimersByTimeAsync(0);

    // Act: seq 3 arrives before 2; the resume it triggers is refused, the next one answered.
    socket.push(message("chat-1", 3));
    const refusedId = socket.last("resume")?.requestId;
    socket.push({
      type: "error",
      requestId: refusedId,
      code: "RATE_LIMITED",
      message: "busy",
      retryAfterSeconds: 2,
    });
    await vi.advanceTimersByTimeAsync(1_900);
    const tooEarly = socket.last("resume")?.requestId;
    await vi.advanceTimersByTimeAsync(200);
    const retried = socket.last("resume");
    socket.push(message("chat-1", 2));
    socket.push({
      type: "resumed",
      requestId: retried?.requestId,
      chatId: "chat-1",
      state: "assigned",
      lastSeq: 3,
    });

    // Assess
    expect(tooEarly).toBe(refusedId);
    expect(retried).toMatchObject({ chatId: "chat-1", afterSeq: 1 });
    expect(retried?.requestId).not.toBe(refusedId);
    expect(delivered).toEqual([1, 2, 3]);
  });

  it("sends ping when idle and reconnects on purpose before the connection's lifetime ends", async () => {
    // Prepare
    const client = newClient({ keepAliveMs: 1_000, maxConnectionMs: 5_000 });
    await client.connect();
    const first = FakeSocket.sockets[0] as FakeSocket;

    // Act
    await vi.advanceTimersByTimeAsync(1_100);
    const pinged = first.sent.filter((frame) => frame.action === "ping").length;
    first.push({ type: "pong", requestId: first.last("ping")?.requestId });
    await vi.advanceTimersByTimeAsync(4_000);

    // Assess
    expect(pinged).toBe(1);
    expect(first.readyState).toBe(3);
    expect(FakeSocket.sockets).toHaveLength(2);
    expect(client.isOpen).toBe(true);
    await client.close();
  });
});
