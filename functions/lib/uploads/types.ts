import type { AttachmentRef } from "../data/records.ts";
import type { UploadRejectionReason } from "../protocol/server-frames.ts";

/** A stored attachment: what the chat shows, and the object key only the server knows. */
export interface StoredAttachment extends AttachmentRef {
  readonly key: string;
}

/** One document an agent asked for, in the chat's partition (data/upload-store.ts). */
export interface UploadRecord {
  readonly chatId: string;
  readonly uploadId: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  /** When the presigned POST stops being accepted. */
  readonly formExpiresAt: string;
  readonly maxBytes: number;
  readonly purpose?: string;
  readonly state: "requested" | "stored" | "rejected";
  readonly attachment?: StoredAttachment;
  readonly rejected?: UploadRejectionReason;
}
