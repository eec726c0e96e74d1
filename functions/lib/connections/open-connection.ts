import type { Identity } from "../auth/identity.ts";
import { connectionExpiry } from "../data/retention.ts";
import type { Needs } from "../kernel/ports.ts";

/** `$connect`: the authorizer has already vouched for the caller; record the connection. */
export async function openConnection(
  deps: Needs<"connections">,
  connectionId: string,
  identity: Identity,
): Promise<void> {
  await deps.connections.put({
    connectionId,
    userId: identity.sub,
    role: identity.role,
    name: identity.name,
    connectedAt: new Date().toISOString(),
    expiresAt: connectionExpiry(),
  });
}
