import type { Identity } from "../auth/identity.ts";

/** Who sent a frame, and on which connection. */
export interface Caller {
  readonly connectionId: string;
  readonly identity: Identity;
}
