import type { Identity } from "../auth/identity.ts";
import { connectionExpiry } from "../data/retention.ts";
import type { RevocationStore } from "../data/revocation-store.ts";
import type { Needs } from "../kernel/ports.ts";
import { MAX_CONNECTIONS_PER_USER } from "../protocol/limits.ts";
import { admitConnection } from "./connection-admission.ts";

/** Why a connection was refused: revoked (403), or the user already holds the most allowed (429). */
export type Admission = "admitted" | "revoked" | "tooMany";

export interface ConnectingToken {
  readonly tokenId?: string;
  readonly issuedAt: number;
}

/**
 * `$connect`: the authorizer has already vouched for the caller; record (and count) the connection,
 * then check the revocations once more, closing the window between the authorizer's check and the
 * record becoming visible to a revocation's sweep. A user already holding MAX_CONNECTIONS_PER_USER
 * connections is refused at the connect (the new one, not the oldest: closing another device's chat
 * behind its back would surprise more than a refusal the new device can explain). A refusal keeps nothing.
 */
export async function openConnection(
  deps: Needs<"connections"> & {
    readonly revocations: Pick<RevocationStore, "rememberConnection" | "isRevoked">;
  },
  connectionId: string,
  identity: Identity,
  token: ConnectingToken,
  maxConnections = MAX_CONNECTIONS_PER_USER,
): Promise<Admission> {
  let full = false;
  const record = async () => {
    full = !(await deps.connections.put(
      {
        connectionId,
        userId: identity.sub,
        role: identity.role,
        name: identity.name,
        connectedAt: new Date().toISOString(),
        expiresAt: connectionExpiry(),
        ...(token.tokenId ? { tokenId: token.tokenId } : {}),
      },
      maxConnections,
    ));
  };
  const admitted = await admitConnection(
    deps.revocations,
    { connectionId, userId: identity.sub, ...token },
    record,
  );
  if (full) return "tooMany";
  if (!admitted) await deps.connections.remove(connectionId);
  return admitted ? "admitted" : "revoked";
}
