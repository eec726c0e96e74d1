import type { Caller } from "../kernel/caller.ts";
import type { Needs } from "../kernel/ports.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { maskFreeText, newUnmaskedId } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { heldChat } from "../verification/request-verification.ts";
import { ACCEPTED_CONTENT_TYPES } from "./magic-bytes.ts";
import { incomingKey, MAX_UPLOAD_BYTES, UPLOAD_FORM_SECONDS } from "./upload-policy.ts";

/**
 * The agent holding the chat asks the customer for a document. The upload is recorded first (so the
 * file's arrival can be matched to this chat and used once), then the customer's connections get a
 * presigned POST for one key of this chat and upload, with the size limit and a short expiry. The agent
 * is told the customer was asked; the form itself goes to the customer only.
 */
export async function requestUpload(
  deps: Needs<"chats" | "uploads" | "uploadBucket" | "sender">,
  caller: Caller,
  frame: ClientFrame<"requestUpload">,
): Promise<ServerFrame<"uploadPending">> {
  const identity = requireStaff(caller);
  const chat = await heldChat(deps, identity, frame.chatId);
  const uploadId = newUnmaskedId();
  const now = Date.now();
  const expiresAt = new Date(now + UPLOAD_FORM_SECONDS * 1000).toISOString();
  const purpose = frame.purpose ? maskFreeText(frame.purpose).text : undefined;
  const form = await deps.uploadBucket.presignPost(
    incomingKey(chat.chatId, uploadId),
    MAX_UPLOAD_BYTES,
    UPLOAD_FORM_SECONDS,
  );
  await deps.uploads.create({
    chatId: chat.chatId,
    uploadId,
    requestedBy: identity.sub,
    requestedAt: new Date(now).toISOString(),
    formExpiresAt: expiresAt,
    maxBytes: MAX_UPLOAD_BYTES,
    ...(purpose ? { purpose } : {}),
    state: "requested",
  });
  const requested: ServerFrame<"uploadRequested"> = {
    type: "uploadRequested",
    chatId: chat.chatId,
    uploadId,
    url: form.url,
    method: "POST",
    fields: form.fields,
    maxBytes: MAX_UPLOAD_BYTES,
    contentTypes: [...ACCEPTED_CONTENT_TYPES],
    expiresAt,
    ...(purpose ? { purpose } : {}),
  };
  const { subscriptions } = await deps.chats.loadWithSubscribers(chat.chatId);
  await deps.sender.broadcast(
    subscriptions.filter((subscription) => subscription.role === "customer"),
    [requested],
    { chatId: chat.chatId },
  );
  return { type: "uploadPending", requestId: frame.requestId, chatId: chat.chatId, uploadId, expiresAt };
}
