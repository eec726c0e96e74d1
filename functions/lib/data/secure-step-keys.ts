import { chatPk, userPk } from "./keys.ts";

/**
 * Keys of the in-chat secure steps (see ACCESS-PATTERNS.md). Both chat-partition prefixes sort before
 * `CMID#`, outside the message path's one Query (`CONN#` to `META`) and outside the `MSG#` range that
 * resume and transcripts read, so neither read ever returns them.
 */
export const VERIFICATION_PREFIX = "CHECK#";
export const verificationSk = (verificationId: string) => `${VERIFICATION_PREFIX}${verificationId}`;
export const UPLOAD_PREFIX = "ATTACH#";
export const uploadSk = (uploadId: string) => `${UPLOAD_PREFIX}${uploadId}`;

/** A customer's failed verifications, counted across their chats (verification/verification-policy.ts). */
export const VERIFICATION_LOCK_SK = "VERIFICATION";

export { chatPk, userPk };
