import type { Identity } from "../auth/identity.ts";
import { connectionExpiry } from "../data/retention.ts";
import type { RevocationStore } from "../data/revocation-store.ts";
import type { Needs } from "../kernel/ports.ts";
import { admitConnection } from "./connection-admission.ts";

export interface ConnectingToken {
  readonly tokenId?: string;
  readonly issuedAt: number;
}

/**
 * `$connect`: the authorizer has already vouched for the caller; record (and count) the connection,
 * then check the revocations once more, closing the window between the authorizer's check and the
 * record becoming visible to a revocation's sweep. False: refused, and nothing of it is kept.
 */
export async function openConnection(
  deps: Needs<"connections"> & {
    readonly revocations: Pick<RevocationStore, "rememberConnection" | "isRevoked">;
  },
  connectionId: string,
  identity: Identity,
  token: ConnectingToken,
): Promise<boolean> {
  const record = () =>
    deps.connections.put({
      connectionId,
      userId: identity.sub,
      role: identity.role,
      name: identity.name,
      connectedAt: new Date().toISOString(),
      expiresAt: connectionExpiry(),
      ...(token.tokenId ? { tokenId: token.tokenId } : {}),
    });
  const admitted = await admitConnection(
    deps.revocations,
    { connectionId, userId: identity.sub, ...token },
    record,
  );
  if (!admitted) await deps.connections.remove(connectionId);
  return admitted;
}
