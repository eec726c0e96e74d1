import type { StaffIdentity } from "../auth/identity.ts";
import type { Caller } from "../chat/caller.ts";
import { ForbiddenError } from "../errors.ts";

export function requireStaff(caller: Caller): StaffIdentity {
  const { identity } = caller;
  if (identity.role === "customer") throw new ForbiddenError("Only agents and supervisors can do this.");
  return identity;
}
