import type { QueueEntry } from "../data/agent-records.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

export const offerFrame = (entry: QueueEntry, expiresInSeconds: number): ServerFrame<"chatOffered"> => ({
  type: "chatOffered",
  chatId: entry.chatId,
  queueId: entry.queueId,
  context: entry.context,
  expiresInSeconds,
});
