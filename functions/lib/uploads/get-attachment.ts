import { NotFoundError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { ATTACHMENT_URL_SECONDS } from "./upload-policy.ts";

/**
 * A participant of the chat gets a short-lived download link for one of its attachments. Anyone else
 * gets the answer a missing chat gets, so attachment ids cannot be probed.
 */
export async function getAttachment(
  deps: Needs<"chats" | "uploads" | "uploadBucket">,
  caller: Caller,
  frame: ClientFrame<"getAttachment">,
): Promise<ServerFrame<"attachmentUrl">> {
  const chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  const upload = await deps.uploads.get(chat.chatId, frame.attachmentId);
  const attachment = upload?.state === "stored" ? upload.attachment : undefined;
  if (!attachment) throw new NotFoundError("No such attachment.");
  const expiresAt = new Date(Date.now() + ATTACHMENT_URL_SECONDS * 1000).toISOString();
  const url = await deps.uploadBucket.presignGet(
    attachment.key,
    attachment.name,
    attachment.contentType,
    ATTACHMENT_URL_SECONDS,
  );
  return {
    type: "attachmentUrl",
    requestId: frame.requestId,
    chatId: chat.chatId,
    attachmentId: attachment.id,
    url,
    expiresAt,
  };
}
