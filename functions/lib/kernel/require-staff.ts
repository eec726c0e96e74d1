import type { StaffIdentity } from "../auth/identity.ts";
import { ForbiddenError } from "../errors.ts";
import type { Caller } from "./caller.ts";

export function requireStaff(caller: Caller): StaffIdentity {
  const { identity } = caller;
  if (identity.role === "customer") throw new ForbiddenError("Only agents and supervisors can do this.");
  return identity;
}
