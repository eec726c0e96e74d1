import type { Language } from "../assistant/types.ts";
import type { Identity } from "../auth/identity.ts";
import type { MessageRecord } from "../data/records.ts";
import { explainRedaction, maskFreeText, type SensitiveKind } from "../masking/index.ts";

export interface InboundText {
  /** The text as it may be stored, logged and delivered. */
  readonly maskedText: string;
  readonly redacted: boolean;
  /** The sender's message, followed by a system notice telling them why something was hidden. */
  readonly messages: Omit<MessageRecord, "seq">[];
}

/**
 * Masks what a participant typed before anything else sees it. The request boundary has usually masked it
 * already (`hidden` says what it hid there); masking again is a no-op then, and keeps this safe for callers
 * that did not come through the boundary.
 */
export function customerMessages(
  identity: Identity,
  text: string,
  language: Language,
  sentAt: string,
  clientMessageId?: string,
  hidden: readonly SensitiveKind[] = [],
): InboundText {
  const again = maskFreeText(text, { field: "text" });
  const kinds = [...new Set([...hidden, ...again.kinds])];
  const masked = { text: again.text, redacted: kinds.length > 0, kinds };
  const messages: Omit<MessageRecord, "seq">[] = [
    {
      from: { role: identity.role, id: identity.sub, name: identity.name },
      text: masked.text,
      sentAt,
      redacted: masked.redacted,
      clientMessageId,
    },
  ];
  if (masked.redacted) {
    messages.push({
      from: { role: "system" },
      text: explainRedaction(masked.kinds, language),
      sentAt,
      redacted: false,
    });
  }
  return { maskedText: masked.text, redacted: masked.redacted, messages };
}
