import { type FrameRedaction, maskFreeText, type SensitiveKind } from "../masking/index.ts";

/**
 * Masks every string of a client frame before anything else (validation messages, log keys, use cases,
 * the assistant) sees it: free text (`text`, `topic`, `note`, `reason`, `comment`, `purpose`) and ids
 * alike (`chatId`, `clientMessageId`, `requestId`, `verificationId`, even `action`), at every depth, since
 * any of them may be logged, stored or echoed. Fields whose values cannot hold sensitive data (enums,
 * numbers) come through unchanged, because masking leaves a value without a match as the same string.
 *
 * The copy is built with null-prototype objects, so keys such as `__proto__` or `constructor` are plain
 * data and reach the schema, which drops them. Keys are masked too. Depth is bounded: below a depth that
 * no schema accepts, values are replaced by null, so the frame is still refused by validation and nothing
 * unmasked is kept.
 */
const MAX_DEPTH = 8;

export function maskFrame(body: Record<string, unknown>): {
  body: Record<string, unknown>;
  redaction: FrameRedaction;
} {
  const fields: Record<string, SensitiveKind[]> = {};
  const masked: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(body)) {
    const kinds = new Set<SensitiveKind>();
    const field = maskKey(key, kinds);
    masked[field] = maskValue(value, kinds, 1);
    if (kinds.size > 0) fields[field] = [...kinds];
  }
  return { body: masked, redaction: { redacted: Object.keys(fields).length > 0, fields } };
}

function maskValue(value: unknown, kinds: Set<SensitiveKind>, depth: number): unknown {
  if (typeof value === "string") {
    const result = maskFreeText(value);
    for (const kind of result.kinds) kinds.add(kind);
    return result.text;
  }
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, kinds, depth + 1));
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value))
    copy[maskKey(key, kinds)] = maskValue(item, kinds, depth + 1);
  return copy;
}

function maskKey(key: string, kinds: Set<SensitiveKind>): string {
  const result = maskFreeText(key);
  for (const kind of result.kinds) kinds.add(kind);
  return result.text;
}
