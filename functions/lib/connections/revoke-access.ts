import { setTimeout as sleep } from "node:timers/promises";
import type { RevocationStore, RevocationTarget } from "../data/revocation-store.ts";

export interface RevokeDependencies {
  readonly revocations: Pick<RevocationStore, "revoke" | "connectionsOfToken">;
  /** The user's open connections (ConnectionStore.listForUser). */
  readonly connectionsOfUser: (sub: string) => Promise<string[]>;
  /** Closes one connection (API Gateway DeleteConnection); false when it was already gone. */
  readonly close: (connectionId: string) => Promise<boolean>;
  /** Pause before the second sweep; see below. */
  readonly resweepMs?: number;
}

export interface RevokeResult {
  readonly revokedAt: number;
  readonly closedConnections: number;
}

/**
 * Sign-out / revocation: first the revocation is stored (every later `$connect` with a matching token
 * is refused, and the `$connect` handler re-checks after recording the connection), then every open
 * connection of the user or token is closed. A second sweep a moment later catches a connection
 * whose record reached the user index (a GSI, eventually consistent) only after the first sweep.
 */
export async function revokeAccess(
  deps: RevokeDependencies,
  target: RevocationTarget,
): Promise<RevokeResult> {
  const revokedAt = await deps.revocations.revoke(target);
  const attempted = new Set<string>();
  let closed = 0;
  const sweep = async () => {
    const ids = new Set<string>();
    if (target.sub) for (const id of await deps.connectionsOfUser(target.sub)) ids.add(id);
    if (target.jti) for (const id of await deps.revocations.connectionsOfToken(target.jti)) ids.add(id);
    await Promise.all(
      [...ids]
        .filter((id) => !attempted.has(id))
        .map(async (id) => {
          attempted.add(id);
          if (await deps.close(id)) closed += 1;
        }),
    );
  };
  await sweep();
  await sleep(deps.resweepMs ?? 1_500);
  await sweep();
  return { revokedAt, closedConnections: closed };
}
