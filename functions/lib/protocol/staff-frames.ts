import * as z from "../zod.ts";

/**
 * Server frames of the supervisor tools (v2): monitoring, whispered notes, barging in and the live
 * queue picture. Kept apart from server-frames.ts, which spreads them into its registry; this file
 * imports nothing from it, so the two never form a cycle (hence the entry shapes below are spelt out).
 */
const requestId = z.optional(z.string());
const staffRole = z.enum(["agent", "supervisor"]);
const chatState = z.enum(["assistant", "queued", "assigned", "closing", "ended"]);

/** A message as history carries it: the `message` frame without `type` and `chatId`. */
const messageEntry = z.object({
  seq: z.number().check(z.int(), z.positive()),
  from: z.object({
    role: z.enum(["customer", "assistant", "agent", "supervisor", "system"]),
    id: z.optional(z.string()),
    name: z.optional(z.string()),
  }),
  text: z.string(),
  sentAt: z.string(),
  redacted: z.boolean(),
});

const noteFields = {
  /** Gapless per chat, a sequence of its own: messages keep `seq`, notes `noteSeq`. */
  noteSeq: z.number().check(z.int(), z.positive()),
  from: z.object({ role: staffRole, id: z.string(), name: z.string() }),
  text: z.string(),
  sentAt: z.string(),
  redacted: z.boolean(),
};
export const noteEntry = z.object(noteFields);

/** A note between the staff of a chat (whisper); the customer never receives one. */
export const noteFrame = z.object({ type: z.literal("note"), chatId: z.string(), ...noteFields });

/** The note is stored under `noteSeq` (reply to whisper). */
export const noteAckFrame = z.object({
  type: z.literal("noteAck"),
  requestId,
  chatId: z.string(),
  noteSeq: z.number().check(z.int(), z.positive()),
  redacted: z.boolean(),
});

/** A supervisor now watches the chat silently (reply to monitorChat); every `message` and `note` follows. */
export const monitoringFrame = z.object({
  type: z.literal("monitoring"),
  requestId,
  chatId: z.string(),
  state: chatState,
  queueId: z.optional(z.string()),
  history: z.array(messageEntry),
  notes: z.array(noteEntry),
});

export const monitoringStoppedFrame = z.object({
  type: z.literal("monitoringStopped"),
  requestId,
  chatId: z.string(),
});

/** The supervisor is a participant now and may send messages (reply to bargeIn). */
export const bargedInFrame = z.object({
  type: z.literal("bargedIn"),
  requestId,
  chatId: z.string(),
  history: z.array(messageEntry),
  notes: z.array(noteEntry),
});

const count = z.number().check(z.int(), z.gte(0));

export const queueFigures = z.object({
  queueId: z.string(),
  waiting: count,
  longestWaitSeconds: count,
  agents: z.object({ available: count, away: count, busy: count }),
  /** Offers that expired unanswered in the last hour. */
  offersTimedOut: count,
  /** Customers who left the queue before an agent answered, in the last hour. */
  abandoned: count,
  /**
   * Mean absolute difference over the last hour between the wait a customer was last told and the
   * wait they then had; absent when no chat of the queue was answered in the last hour.
   */
  estimateErrorSeconds: z.optional(z.number().check(z.gte(0))),
  estimateSamples: count,
});

/** The live queues the supervisor may see (reply to watchQueues, then at least every 10 seconds). */
export const queueSnapshotFrame = z.object({
  type: z.literal("queueSnapshot"),
  requestId,
  at: z.string(),
  queues: z.array(queueFigures),
});

export const queuesUnwatchedFrame = z.object({ type: z.literal("queuesUnwatched"), requestId });

const chatInProgress = z.object({
  chatId: z.string(),
  state: chatState,
  queueId: z.optional(z.string()),
  customerName: z.string(),
  topic: z.optional(z.string()),
  language: z.string(),
  startedAt: z.string(),
  participants: z.array(z.object({ id: z.string(), name: z.string(), role: staffRole })),
});

/** Chats waiting or with an agent in the queues the supervisor may see (reply to listQueueChats). */
export const queueChatsFrame = z.object({
  type: z.literal("queueChats"),
  requestId,
  chats: z.array(chatInProgress),
});

export const staffFrameSchemas = {
  note: noteFrame,
  noteAck: noteAckFrame,
  monitoring: monitoringFrame,
  monitoringStopped: monitoringStoppedFrame,
  bargedIn: bargedInFrame,
  queueSnapshot: queueSnapshotFrame,
  queuesUnwatched: queuesUnwatchedFrame,
  queueChats: queueChatsFrame,
} as const;
