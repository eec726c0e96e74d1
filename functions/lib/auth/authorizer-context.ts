import { UnauthorizedError } from "../errors.ts";
import { maskFreeText } from "../masking/index.ts";
import { type Identity, identityClaims } from "./identity.ts";
import type { VerifiedToken } from "./token-verifier.ts";

/**
 * API Gateway carries a Lambda authorizer's context to every route of the connection, but only as
 * flat string/number/boolean values: the identity travels as one JSON string. The token's id and
 * times travel beside it (never the token itself), for the `$connect` handler's revocation bookkeeping.
 */
export interface AuthorizerContext {
  [key: string]: string | number | boolean;
  sub: string;
  role: string;
  identity: string;
  /** The token's `jti`, or "" when it has none. */
  tokenId: string;
  tokenIssuedAt: number;
  tokenExpiresAt: number;
}

export const toAuthorizerContext = (
  identity: Identity,
  token?: Omit<VerifiedToken, "identity">,
): AuthorizerContext => ({
  sub: identity.sub,
  role: identity.role,
  identity: JSON.stringify(maskShownClaims(identity)),
  tokenId: token?.tokenId ?? "",
  tokenIssuedAt: token?.issuedAt ?? 0,
  tokenExpiresAt: token?.expiresAt ?? 0,
});

/**
 * `name` is shown to the other side of every chat and stored with it, and a user may be able to edit it:
 * it is free text, masked like any message. Done on the way in and on the way out of the context, so a
 * context written by an older authorizer is masked too.
 */
const maskShownClaims = <T extends Identity>(identity: T): T => ({
  ...identity,
  name: maskFreeText(identity.name, { field: "name" }).text,
});

export function fromAuthorizerContext(authorizer: unknown): Identity {
  const raw = (authorizer as Partial<AuthorizerContext> | undefined)?.identity;
  if (typeof raw !== "string") throw new UnauthorizedError("The connection carries no identity.");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new UnauthorizedError("The connection's identity is invalid.");
  }
  const parsed = identityClaims.safeParse(value);
  if (!parsed.success) throw new UnauthorizedError("The connection's identity is invalid.");
  return maskShownClaims(parsed.data);
}

/** The token facts of the authorizer context; API Gateway may hand numbers back as strings. */
export function tokenFromAuthorizerContext(authorizer: unknown): { tokenId?: string; issuedAt: number } {
  const context = (authorizer ?? {}) as Partial<Record<keyof AuthorizerContext, unknown>>;
  const tokenId = typeof context.tokenId === "string" && context.tokenId !== "" ? context.tokenId : undefined;
  return { ...(tokenId ? { tokenId } : {}), issuedAt: Number(context.tokenIssuedAt ?? Number.NaN) };
}
