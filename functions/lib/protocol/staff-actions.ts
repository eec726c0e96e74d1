import * as z from "../zod.ts";

/**
 * Client frames of the supervisor tools (v2), spread into client-frames.ts's registry. A whisper's
 * length is checked by the use case (PAYLOAD_TOO_LARGE), like a message's.
 */
const requestId = z.optional(z.string().check(z.minLength(1), z.maxLength(128)));
const chatId = z.string().check(z.minLength(1), z.maxLength(64));

export const monitorChatFrame = z.object({ action: z.literal("monitorChat"), requestId, chatId });
export const stopMonitoringFrame = z.object({ action: z.literal("stopMonitoring"), requestId, chatId });
export const bargeInFrame = z.object({ action: z.literal("bargeIn"), requestId, chatId });

export const whisperFrame = z.object({
  action: z.literal("whisper"),
  requestId,
  chatId,
  text: z.string().check(z.minLength(1)),
});

export const watchQueuesFrame = z.object({ action: z.literal("watchQueues"), requestId });
export const unwatchQueuesFrame = z.object({ action: z.literal("unwatchQueues"), requestId });
export const listQueueChatsFrame = z.object({ action: z.literal("listQueueChats"), requestId });

export const staffActionSchemas = {
  monitorChat: monitorChatFrame,
  stopMonitoring: stopMonitoringFrame,
  whisper: whisperFrame,
  bargeIn: bargeInFrame,
  watchQueues: watchQueuesFrame,
  unwatchQueues: unwatchQueuesFrame,
  listQueueChats: listQueueChatsFrame,
} as const;

export const staffActionDescriptions = {
  monitorChat:
    "A supervisor with access to the chat's queue watches it silently: `monitoring` with the history, then every message and note. The customer is not told.",
  stopMonitoring: "The supervisor stops watching the chat.",
  whisper:
    "A staff participant or a monitor writes a note to the staff of the chat (`note`); the customer never receives it.",
  bargeIn:
    "A supervisor with access to the chat's queue joins it as a participant; everyone gets `participantJoined`.",
  watchQueues:
    "A supervisor receives `queueSnapshot` of the queues their token grants, now and at least every 10 seconds.",
  unwatchQueues: "The supervisor stops receiving queue snapshots.",
  listQueueChats: "A supervisor lists the chats waiting or in progress in the queues their token grants.",
} as const;

export const staffActionReplies = {
  monitorChat: ["monitoring"],
  stopMonitoring: ["monitoringStopped"],
  whisper: ["noteAck"],
  bargeIn: ["bargedIn"],
  watchQueues: ["queueSnapshot"],
  unwatchQueues: ["queuesUnwatched"],
  listQueueChats: ["queueChats"],
} as const;

export const staffFrameDescriptions = {
  participantJoined:
    "Someone joined the chat as a participant (a supervisor barging in, a conference invitee).",
  participantLeft: "A participant left the chat; the chat goes on.",
  note: "A note between the staff of the chat, with its own gapless `noteSeq`; never sent to the customer.",
  noteAck: "The note is stored under `noteSeq` (reply to whisper).",
  monitoring: "The supervisor now monitors the chat: history and notes so far (reply to monitorChat).",
  monitoringStopped: "The supervisor no longer monitors the chat (reply to stopMonitoring).",
  bargedIn: "The supervisor is a participant of the chat now (reply to bargeIn).",
  queueSnapshot: "The live queues the supervisor may see; sent on watchQueues and at least every 10 seconds.",
  queuesUnwatched: "Queue snapshots stopped (reply to unwatchQueues).",
  queueChats: "Chats waiting or in progress in the supervisor's queues (reply to listQueueChats).",
} as const;
