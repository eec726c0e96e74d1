import * as z from "../zod.ts";

/**
 * v2 frames of the in-chat secure steps: verification of the customer and document upload. Kept apart
 * from server-frames.ts, which includes them in the one map of server frames.
 */
const requestId = z.optional(z.string());

/** A document in a chat message (the file itself is fetched with getAttachment). */
export const attachmentRef = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().check(z.int(), z.gte(0)),
});

export const verificationOutcomes = ["verified", "failed", "locked"] as const;
export type VerificationOutcome = (typeof verificationOutcomes)[number];

export const verificationRequestedFrame = z.object({
  type: z.literal("verificationRequested"),
  requestId,
  chatId: z.string(),
  verificationId: z.string(),
  fields: z.array(z.enum(["last4", "postalCode"])),
});

export const verificationResultFrame = z.object({
  type: z.literal("verificationResult"),
  requestId,
  chatId: z.string(),
  verificationId: z.string(),
  outcome: z.enum(verificationOutcomes),
  /** With `locked`: the number the customer can call for their country. */
  contactNumber: z.optional(z.string()),
});

export const uploadRequestedFrame = z.object({
  type: z.literal("uploadRequested"),
  chatId: z.string(),
  uploadId: z.string(),
  url: z.string(),
  method: z.literal("POST"),
  /** Form fields to send before the file, in this order (a presigned S3 POST policy). */
  fields: z.optional(z.record(z.string(), z.string())),
  maxBytes: z.number().check(z.int(), z.positive()),
  contentTypes: z.array(z.string()),
  expiresAt: z.string(),
  purpose: z.optional(z.string()),
});

/** The agent's reply to requestUpload: the customer was asked (the agent never gets the upload form). */
export const uploadPendingFrame = z.object({
  type: z.literal("uploadPending"),
  requestId,
  chatId: z.string(),
  uploadId: z.string(),
  expiresAt: z.string(),
});

export const uploadRejectionReasons = ["type", "tooLarge", "used", "expired", "malware"] as const;
export type UploadRejectionReason = (typeof uploadRejectionReasons)[number];

export const uploadRejectedFrame = z.object({
  type: z.literal("uploadRejected"),
  chatId: z.string(),
  uploadId: z.string(),
  reason: z.enum(uploadRejectionReasons),
});

export const attachmentUrlFrame = z.object({
  type: z.literal("attachmentUrl"),
  requestId,
  chatId: z.string(),
  attachmentId: z.string(),
  url: z.string(),
  expiresAt: z.string(),
});
