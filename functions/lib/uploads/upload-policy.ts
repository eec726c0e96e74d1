import { maskFreeText } from "../masking/index.ts";

/**
 * The limits of one document upload and where its object lives. The staged object's key names the
 * chat and the upload (the presigned POST allows that exact key only); an accepted file is copied to
 * a key that also names its content hash, so a second upload to the same staged key can never replace
 * a file the chat already shows.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** How long the customer has to upload after the agent asked. */
export const UPLOAD_FORM_SECONDS = 5 * 60;
/** How long a download link works. */
export const ATTACHMENT_URL_SECONDS = 60;
/** An event may arrive a little after the form expired: S3 accepted the POST before its expiry. */
export const LATE_EVENT_GRACE_MS = 60_000;

export const INCOMING_PREFIX = "incoming/";
export const STORED_PREFIX = "attachments/";

export const incomingKey = (chatId: string, uploadId: string) => `${INCOMING_PREFIX}${chatId}/${uploadId}`;
export const storedKey = (chatId: string, uploadId: string, etag: string) =>
  `${STORED_PREFIX}${chatId}/${uploadId}/${etag.replace(/[^0-9a-fA-F]/g, "")}`;

/** The chat and upload a staged key names, or undefined for any other key. */
export function parseIncomingKey(key: string): { chatId: string; uploadId: string } | undefined {
  if (!key.startsWith(INCOMING_PREFIX)) return undefined;
  const parts = key.slice(INCOMING_PREFIX.length).split("/");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { chatId: parts[0], uploadId: parts[1] };
}

const MAX_NAME_CHARS = 120;

/**
 * The name shown for a file: the sender's own, so free text: control characters and path separators
 * removed, shortened, and masked like a message (a card number as a file name is hidden).
 */
export function displayName(raw: string | undefined, fallback: string): string {
  // Browsers send the name percent-encoded in the form field (see the pages' upload form).
  let name = raw ?? "";
  try {
    name = decodeURIComponent(name);
  } catch {
    // not encoded: keep as sent
  }
  const cleaned = [...name.replace(/[\p{Cc}\p{Cf}/\\]/gu, " ").trim()].slice(0, MAX_NAME_CHARS).join("");
  return maskFreeText(cleaned || fallback, { field: "name" }).text;
}
