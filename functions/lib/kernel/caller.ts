import type { Identity } from "../auth/identity.ts";
import type { FrameRedaction } from "../masking/index.ts";

/** Who sent a frame, and on which connection. */
export interface Caller {
  readonly connectionId: string;
  readonly identity: Identity;
  /** What the request boundary masked in the frame, so the use case can tell the sender why. */
  readonly redaction?: FrameRedaction;
}
