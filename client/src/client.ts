import { ChatTracker } from "./chat-tracker.ts";
import { Connection } from "./connection.ts";
import { CareChatError } from "./errors.ts";
import { Emitter } from "./events.ts";
import { Outbox } from "./outbox.ts";
import { newRequestId, Requests } from "./requests.ts";
import type {
  ChatSummary,
  ClientAction,
  ClientEvents,
  ClientOptions,
  MessageFrame,
  OutgoingMessage,
  RequestBody,
  ServerFrame,
  ServerFrameType,
} from "./types.ts";

/** API Gateway closes a connection that sends a frame over 32 KB (close code 1009). */
const MAX_FRAME_BYTES = 32 * 1024;
const encoder = new TextEncoder();
const GAP_RESUME_ATTEMPTS = 5;
/** How often, and how many times, a gap that a successful resume left is checked again (see fillGap). */
const GAP_SETTLE_CHECK_SECONDS = 15;
const GAP_SETTLE_CHECKS = 6;

/**
 * A carechat client for customers and staff, in browsers and Node. Requests return promises of
 * their reply (matched by `requestId`); messages are queued in an outbox until acknowledged;
 * after every reconnect the chats in use are resumed from the last seq seen, and events come out
 * once each and in seq order.
 */
export class CareChatClient extends Emitter<ClientEvents> {
  private readonly connection: Connection;
  private readonly requests = new Requests();
  private readonly tracker = new ChatTracker();
  private readonly outbox: Outbox;
  private readonly resuming = new Set<string>();
  private presence?: RequestBody<"setPresence">["status"];

  constructor(private readonly options: ClientOptions) {
    super();
    this.connection = new Connection(options);
    for (const [chatId, lastSeq] of Object.entries(options.resumeChats ?? {}))
      this.tracker.track(chatId, lastSeq);
    const connection = this.connection;
    this.outbox = new Outbox({
      get isOpen() {
        return connection.isOpen;
      },
      sendMessage: (message) => this.request("sendMessage", { ...message }, ["ack"]),
    });
    this.connection.onIdle = () => void this.keepAlive();
    this.connection.on("frame", (frame) => this.receive(frame as ServerFrame));
    this.connection.on("open", (event) => void this.opened(event.reconnected));
    this.connection.on("close", (event) => {
      this.requests.failAll(new CareChatError("CLOSED", `The connection closed (${event.code}).`));
      this.emit("close", event);
    });
    this.connection.on("reconnecting", (event) => this.emit("reconnecting", event));
  }

  get isOpen(): boolean {
    return this.connection.isOpen;
  }

  /** Opens the connection; resolves once the first socket is open. */
  connect(): Promise<void> {
    return this.connection.open();
  }

  /** Closes for good: no reconnect; messages still in the outbox are rejected with CLOSED. */
  async close(): Promise<void> {
    this.outbox.abandon(new CareChatError("CLOSED", "The client was closed."));
    await this.connection.close();
  }

  /** Drops the socket and reconnects at once (as before the 2-hour limit); chats are resumed. */
  reconnect(): void {
    this.connection.reconnectNow();
  }

  /** The last seq delivered for a chat: store it to resume after a page reload. */
  lastSeq(chatId: string): number | undefined {
    return this.tracker.lastSeq(chatId);
  }

  /** Messages written but not yet acknowledged. */
  get unacknowledged(): readonly OutgoingMessage[] {
    return this.outbox.pending;
  }

  async startChat(body: RequestBody<"startChat"> = {}): Promise<ServerFrame<"chatStarted">> {
    const started = await this.request("startChat", body, ["chatStarted"]);
    this.tracker.track(started.chatId, 0, started.state);
    return started;
  }

  /** Queues a message; resolves with its `ack` once stored, however many sends that takes. */
  sendMessage(chatId: string, text: string, clientMessageId = newMessageId()): Promise<ServerFrame<"ack">> {
    return this.outbox.enqueue({ chatId, clientMessageId, text });
  }

  requestAgent(chatId: string): Promise<ServerFrame<"queued"> | ServerFrame<"agentUnavailable">> {
    return this.request("requestAgent", { chatId }, ["queued", "agentUnavailable"], {
      alsoMatches: (frame) => frame.type === "agentUnavailable" && frame.chatId === chatId,
    });
  }

  /** Replays the messages after `afterSeq` (default: the last seen) as `message` events, then `resumed`. */
  async resume(
    chatId: string,
    afterSeq = this.tracker.lastSeq(chatId) ?? 0,
  ): Promise<ServerFrame<"resumed">> {
    this.tracker.track(chatId, afterSeq);
    this.resuming.add(chatId);
    try {
      const resumed = await this.request("resume", { chatId, afterSeq }, ["resumed"]);
      this.tracker.setState(chatId, resumed.state);
      for (const ready of this.tracker.skip(chatId, resumed.skipped ?? [])) this.emit("message", ready);
      return resumed;
    } finally {
      this.resuming.delete(chatId);
    }
  }

  /** Tells the others the caller is typing; best effort: nothing happens while disconnected. */
  typing(chatId: string): void {
    try {
      this.sendFrame({ action: "typing", chatId, requestId: newRequestId("t") });
    } catch {
      // A typing hint is worth nothing later; a refusal arrives as an `error` event.
    }
  }

  endChat(chatId: string): Promise<ServerFrame<"chatEnding">> {
    return this.request("endChat", { chatId }, ["chatEnding"]);
  }

  getTranscript(chatId: string, afterSeq = 0): Promise<ServerFrame<"transcript">> {
    return this.request("getTranscript", { chatId, afterSeq }, ["transcript"]);
  }

  /** The caller's open and recent chats, newest first: what to resume after a page reload. */
  async listChats(): Promise<ChatSummary[]> {
    return (await this.request("listChats", {}, ["chats"])).chats;
  }

  ping(): Promise<ServerFrame<"pong">> {
    return this.request("ping", {}, ["pong"]);
  }

  /** Staff presence; remembered and set again after a reconnect (a closed connection signs an agent out). */
  async setPresence(status: RequestBody<"setPresence">["status"]): Promise<ServerFrame<"presence">> {
    this.presence = status;
    return this.request("setPresence", { status }, ["presence"]);
  }

  async acceptChat(chatId: string): Promise<ServerFrame<"chatAssigned">> {
    const assigned = await this.request("acceptChat", { chatId }, ["chatAssigned"]);
    this.tracker.track(chatId, assigned.history.at(-1)?.seq ?? 0, "assigned");
    return assigned;
  }

  declineChat(chatId: string): Promise<ServerFrame<"offerWithdrawn">> {
    return this.request("declineChat", { chatId }, ["offerWithdrawn"]);
  }

  transferChat(chatId: string, body: Omit<RequestBody<"transferChat">, "chatId"> = {}) {
    return this.request("transferChat", { chatId, ...body }, ["transferStarted"]);
  }

  escalateChat(chatId: string, reason: string): Promise<ServerFrame<"transferStarted">> {
    return this.request("escalateChat", { chatId, reason }, ["transferStarted"]);
  }

  /**
   * Any action: sends it with a new `requestId` and resolves with the first reply of one of the
   * given types carrying that id; an `error` frame with the id rejects with its code.
   */
  async request<A extends ClientAction, T extends ServerFrameType>(
    action: A,
    body: RequestBody<A>,
    replies: readonly T[],
    options: { timeoutMs?: number; alsoMatches?: (frame: ServerFrame) => boolean } = {},
  ): Promise<ServerFrame<T>> {
    const timeoutMs = options.timeoutMs ?? this.options.requestTimeoutMs;
    const { requestId, reply } = this.requests.expect(replies, {
      timeoutMs,
      alsoMatches: options.alsoMatches,
    });
    try {
      this.sendFrame({ ...body, action, requestId });
    } catch (error) {
      this.requests.fail(requestId, error as CareChatError);
    }
    return reply;
  }

  private sendFrame(frame: Record<string, unknown>): void {
    const data = JSON.stringify(frame);
    if (encoder.encode(data).length > MAX_FRAME_BYTES)
      throw new CareChatError("FRAME_TOO_LARGE", `A frame is at most ${MAX_FRAME_BYTES} bytes.`);
    if (!this.connection.send(data)) throw new CareChatError("CLOSED", "The connection is not open.");
  }

  private async opened(reconnected: boolean) {
    // Resume first, so the new connection is subscribed again before the outbox sends into the chats.
    const resumes: Promise<unknown>[] = this.tracker
      .resumable()
      .map(({ chatId, lastSeq }) => this.resume(chatId, lastSeq));
    if (reconnected && this.presence && this.presence !== "offline")
      resumes.push(this.request("setPresence", { status: this.presence }, ["presence"]));
    await Promise.allSettled(resumes);
    this.emit("open", { reconnected });
    this.outbox.flush();
  }

  private receive(frame: ServerFrame) {
    if (typeof frame.type !== "string") return;
    if (frame.type === "message") return this.deliver(frame);
    if (frame.type === "chatEnded") this.tracker.setState(frame.chatId, "ended");
    const answered = this.requests.handle(frame);
    if (frame.type === "error" && answered) return;
    this.emit(frame.type, frame as never);
  }

  private deliver(message: MessageFrame) {
    for (const ready of this.tracker.accept(message)) this.emit("message", ready);
    if (this.tracker.hasGap(message.chatId) && !this.resuming.has(message.chatId))
      this.fillGap(message.chatId);
  }

  /**
   * Resumes a chat whose messages wait behind a gap. A refused or unanswered resume (RATE_LIMITED under
   * overload, a timeout) is tried again after `retryAfterSeconds` (else 1 s), a few times, while the gap
   * is still there: otherwise the messages behind it would wait for the chat's next live message.
   */
  private fillGap(chatId: string, attempt = 0) {
    const again = (seconds: number) =>
      setTimeout(() => {
        if (this.connection.isOpen && this.tracker.hasGap(chatId) && !this.resuming.has(chatId))
          this.fillGap(chatId, attempt + 1);
      }, seconds * 1000);
    this.resume(chatId).then(
      () => {
        // Still a gap: a seq reserved by an attempt that died, which the server closes once it has
        // settled (resumed.skipped); ask again until then rather than wait for the next live message.
        if (attempt < GAP_SETTLE_CHECKS && this.tracker.hasGap(chatId)) again(GAP_SETTLE_CHECK_SECONDS);
      },
      (error: unknown) => {
        if (attempt >= GAP_RESUME_ATTEMPTS) return;
        again(error instanceof CareChatError ? (error.retryAfterSeconds ?? 1) : 1);
      },
    );
  }

  private async keepAlive() {
    if (!this.connection.isOpen) return;
    try {
      await this.ping();
    } catch (error) {
      // No pong: the socket is dead without having said so (a sleeping laptop, a lost network).
      if (error instanceof CareChatError && error.code === "TIMEOUT") this.connection.reconnectNow("No pong");
    }
  }
}

/**
 * A message id the backend's masking never takes for a card number: 24 random letters (112 bits). The
 * backend masks every string of a frame, ids included, and a random UUID holds a Luhn-valid run of 13
 * or more digits across its dashes about once in three hundred.
 */
function newMessageId(): string {
  const crypto = globalThis.crypto as { getRandomValues?: (array: Uint8Array) => Uint8Array } | undefined;
  if (!crypto?.getRandomValues) return newRequestId("m");
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `m-${Array.from(bytes, (byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;
}
