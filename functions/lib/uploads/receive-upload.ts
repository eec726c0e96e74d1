import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import type { StoredAttachment } from "../data/secure-step-records.ts";
import { ACTIVE_STATES } from "../kernel/chat-access.ts";
import { toMessageFrame } from "../kernel/message-frames.ts";
import type { Needs } from "../kernel/ports.ts";
import { postChatMessage } from "../kernel/post-chat-message.ts";
import { secureStepsWording } from "../language/wording/secure-steps.ts";
import { logger } from "../logger.ts";
import type { UploadRejectionReason } from "../protocol/server-frames.ts";
import { detectContentType, EXTENSIONS, MAGIC_BYTES_NEEDED } from "./magic-bytes.ts";
import { displayName, LATE_EVENT_GRACE_MS, parseIncomingKey, storedKey } from "./upload-policy.ts";

type ReceiveDeps = Needs<"chats" | "uploads" | "uploadBucket" | "sender">;

export interface StagedFile {
  readonly key: string;
  /** GuardDuty Malware Protection's verdict, when the bucket is scanned; absent when it is not. */
  readonly scanStatus?: string;
}

export type ReceiveOutcome = "stored" | "rejected" | "ignored";

/**
 * A file arrived under a staged key (the S3 event notification, or the scan result when scanning is
 * on). Our own checks run here whatever S3 enforced: the upload must be one this chat asked for and not
 * used yet, the form not expired, the size within the limit and the content a PDF, PNG or JPEG by its
 * first bytes. A refused file is deleted and the participants are told why; an accepted one is copied
 * to its stored key and posted to every participant as a `message` with its `attachment`. Safe to run
 * twice for one event (S3 delivers at least once): the message is stored under an idempotency key.
 */
export async function receiveUpload(deps: ReceiveDeps, file: StagedFile): Promise<ReceiveOutcome> {
  const ids = parseIncomingKey(file.key);
  if (!ids) return "ignored";
  const { chatId, uploadId } = ids;
  const [upload, chat, staged] = await Promise.all([
    deps.uploads.get(chatId, uploadId),
    deps.chats.get(chatId),
    deps.uploadBucket.head(file.key),
  ]);
  if (!staged) {
    // A repeated event whose first delivery had already moved the file: make sure the chat shows it.
    if (chat && upload?.state === "stored" && upload.attachment) {
      await postAttachment(deps, chat, upload.attachment);
      return "stored";
    }
    return "ignored";
  }
  if (!upload || !chat) {
    // Nobody asked for it: no chat to tell.
    await deps.uploadBucket.delete(file.key);
    logger.warn("Upload without a request deleted", { chatId, uploadId });
    return "rejected";
  }
  const target = storedKey(chatId, uploadId, staged.etag);
  if (upload.state !== "requested") {
    if (upload.state === "stored" && upload.attachment?.key === target) {
      // The same event again, after the file was recorded: finish what the first delivery began, in
      // the same order (the staged file first).
      await deps.uploadBucket.delete(file.key);
      await postAttachment(deps, chat, upload.attachment);
      return "stored";
    }
    return reject(deps, chat, uploadId, file.key, "used");
  }
  if (file.scanStatus !== undefined && file.scanStatus !== "NO_THREATS_FOUND")
    return reject(deps, chat, uploadId, file.key, "malware");
  if (
    !ACTIVE_STATES.includes(chat.state) ||
    Date.now() > Date.parse(upload.formExpiresAt) + LATE_EVENT_GRACE_MS
  )
    return reject(deps, chat, uploadId, file.key, "expired");
  if (staged.size > upload.maxBytes) return reject(deps, chat, uploadId, file.key, "tooLarge");
  const contentType =
    staged.size > 0
      ? detectContentType(await deps.uploadBucket.readStart(file.key, MAGIC_BYTES_NEEDED))
      : undefined;
  if (!contentType) return reject(deps, chat, uploadId, file.key, "type");
  const attachment: StoredAttachment = {
    id: uploadId,
    name: displayName(staged.name, `document${EXTENSIONS[contentType]}`),
    contentType,
    size: staged.size,
    key: target,
  };
  await deps.uploadBucket.store(file.key, target, contentType);
  if (!(await deps.uploads.markStored(chatId, uploadId, attachment))) {
    // Another upload to the same id won the race: this copy is not the one the chat shows.
    const winner = await deps.uploads.get(chatId, uploadId);
    if (winner?.attachment?.key !== target) await deps.uploadBucket.delete(target);
    return reject(deps, chat, uploadId, file.key, "used");
  }
  // The staged file goes before the chat is told: a second file the customer sends once they see the
  // first (through the same form, to the same key) must not be deleted with it unseen.
  await deps.uploadBucket.delete(file.key);
  await postAttachment(deps, chat, attachment);
  return "stored";
}

/** The attachment as a message from the customer, stored once under the upload's idempotency key. */
async function postAttachment(deps: ReceiveDeps, chat: ChatRecord, attachment: StoredAttachment) {
  const { key: _key, ...shown } = attachment;
  await retryOnConflict(
    async () => {
      const { chat: current, subscriptions } = await deps.chats.loadWithSubscribers(chat.chatId);
      if (!current || !ACTIVE_STATES.includes(current.state)) return undefined;
      const result = await deps.chats.append({
        chat: current,
        messages: [
          {
            from: { role: "customer", id: current.customer.id, name: current.customer.name },
            text: shown.name,
            sentAt: new Date().toISOString(),
            redacted: false,
            attachment: shown,
          },
        ],
        allowedStates: ACTIVE_STATES,
        idempotency: { senderId: "upload-received", clientMessageId: attachment.id },
      });
      if (result.kind === "stale") return RETRY;
      if (result.kind === "stored")
        await deps.sender.broadcast(
          subscriptions,
          result.messages.map((message) => toMessageFrame(chat.chatId, message)),
          { chatId: chat.chatId },
        );
      return undefined;
    },
    { operation: "postAttachment" },
  );
}

async function reject(
  deps: ReceiveDeps,
  chat: ChatRecord,
  uploadId: string,
  key: string,
  reason: UploadRejectionReason,
): Promise<ReceiveOutcome> {
  await deps.uploadBucket.delete(key);
  if (reason !== "used") await deps.uploads.markRejected(chat.chatId, uploadId, reason);
  logger.info("Upload rejected", { chatId: chat.chatId, uploadId, reason });
  const { subscriptions } = await deps.chats.loadWithSubscribers(chat.chatId);
  await deps.sender.broadcast(
    subscriptions,
    [{ type: "uploadRejected", chatId: chat.chatId, uploadId, reason }],
    { chatId: chat.chatId },
  );
  await postChatMessage(
    deps,
    chat.chatId,
    secureStepsWording(chat.assistant.language).uploadRejected[reason],
  );
  return "rejected";
}
