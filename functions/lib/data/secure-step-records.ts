import type { UploadRejectionReason } from "../protocol/server-frames.ts";
import type { AttachmentRef } from "./records.ts";

/* The stored shapes of the secure steps (verification, uploads), beside the stores that keep them. */

/** A customer's failed verifications, counted across chats (verification-policy.ts). */
export interface VerificationLock {
  /** Failures since `windowStartedAt`. */
  readonly failures: number;
  readonly windowStartedAt: string;
  /** Set at the third failure: until then every attempt is answered `locked` without a comparison. */
  readonly lockedUntil?: string;
}

/** One verification an agent asked for, in the chat's partition. */
export interface VerificationRequest {
  readonly chatId: string;
  readonly verificationId: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly state: "open" | "verified" | "locked";
}

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
