import type { MessageRecord } from "../data/records.ts";
import type { MessageFrame } from "../protocol/server-frames.ts";

export const toMessageFrame = (chatId: string, message: MessageRecord): MessageFrame => ({
  type: "message",
  chatId,
  seq: message.seq,
  from: message.from,
  text: message.text,
  sentAt: message.sentAt,
  redacted: message.redacted,
  ...(message.attachment ? { attachment: message.attachment } : {}),
});
