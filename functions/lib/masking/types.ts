/** The kinds of sensitive data that chat never stores or delivers in full. */
export type SensitiveKind = "card-number" | "security-code" | "ssn" | "one-time-passcode";

export interface MaskResult {
  /** The message with every sensitive value replaced by a placeholder; the input itself when nothing was found. */
  text: string;
  /** True iff at least one value was masked. */
  redacted: boolean;
  /** Each kind that was masked, once, in the order of `SensitiveKind`. */
  kinds: SensitiveKind[];
}

/** The free-text fields of the protocol and the claims shown to others: where a value came from. */
export type FreeTextField =
  | "text"
  | "topic"
  | "note"
  | "reason"
  | "comment"
  | "purpose"
  | "name"
  | "id"
  | (string & {});

/** What the request boundary hid in one client frame, for the use case that tells the sender why. */
export interface FrameRedaction {
  /** True iff at least one field was masked. */
  readonly redacted: boolean;
  /** For each masked field (top-level key of the frame), the kinds hidden in it. */
  readonly fields: Readonly<Record<string, readonly SensitiveKind[]>>;
}
