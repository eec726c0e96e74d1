import type { RevocationStore } from "../data/revocation-store.ts";

export interface AdmissionRequest {
  readonly connectionId: string;
  readonly userId: string;
  readonly tokenId?: string;
  readonly issuedAt: number;
}

/**
 * The `$connect` handler's half of revocation: write the connection record and remember which
 * connection the token id opened (so a revocation by `jti` can close it), then check the
 * revocations once more. The authorizer checked before; this closes the window in which a
 * revocation lands between the authorizer's check and the connection record becoming visible to
 * the revocation's sweep. False means: refuse the connection.
 */
export async function admitConnection(
  revocations: Pick<RevocationStore, "rememberConnection" | "isRevoked">,
  request: AdmissionRequest,
  recordConnection: () => Promise<void>,
): Promise<boolean> {
  // Both records must be visible before the re-check; they are independent, so they are written together.
  await Promise.all([
    recordConnection(),
    request.tokenId
      ? revocations.rememberConnection(request.tokenId, request.connectionId, request.userId)
      : undefined,
  ]);
  const revoked = await revocations.isRevoked({
    sub: request.userId,
    issuedAt: request.issuedAt,
    ...(request.tokenId ? { tokenId: request.tokenId } : {}),
  });
  return !revoked;
}
