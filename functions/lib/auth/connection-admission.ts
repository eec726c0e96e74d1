import type { RevocationStore } from "./revocation-store.ts";

export interface AdmissionRequest {
  readonly connectionId: string;
  readonly userId: string;
  readonly tokenId?: string;
  readonly issuedAt: number;
}

/**
 * The `$connect` handler's half of revocation, run after the connection record is written: remember
 * which connection the token id opened (so a revocation by `jti` can close it), then check the
 * revocations once more. The authorizer checked before; this closes the window in which a
 * revocation lands between the authorizer's check and the connection record becoming visible to
 * the revocation's sweep. False means: refuse the connection.
 */
export async function admitConnection(
  revocations: Pick<RevocationStore, "rememberConnection" | "isRevoked">,
  request: AdmissionRequest,
): Promise<boolean> {
  if (request.tokenId)
    await revocations.rememberConnection(request.tokenId, request.connectionId, request.userId);
  const revoked = await revocations.isRevoked({
    sub: request.userId,
    issuedAt: request.issuedAt,
    ...(request.tokenId ? { tokenId: request.tokenId } : {}),
  });
  return !revoked;
}
