import type { Language } from "../assistant/types.ts";
import type { Identity } from "../auth/identity.ts";
import type { MessageRecord } from "../data/records.ts";
import { explainRedaction, maskSensitive } from "../masking/index.ts";

export interface InboundText {
  /** The text as it may be stored, logged and delivered. */
  readonly maskedText: string;
  readonly redacted: boolean;
  /** The sender's message, followed by a system notice telling them why something was hidden. */
  readonly messages: Omit<MessageRecord, "seq">[];
}

/** Masks what a participant typed before anything else sees it. */
export function customerMessages(
  identity: Identity,
  text: string,
  language: Language,
  sentAt: string,
  clientMessageId?: string,
): InboundText {
  const masked = maskSensitive(text);
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
