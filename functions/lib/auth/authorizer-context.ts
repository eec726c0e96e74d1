import { UnauthorizedError } from "../errors.ts";
import { maskFreeText } from "../masking/index.ts";
import { type Identity, identityClaims } from "./identity.ts";

/**
 * API Gateway carries a Lambda authorizer's context to every route of the connection, but only as
 * flat string/number/boolean values: the identity travels as one JSON string.
 */
export interface AuthorizerContext {
  [key: string]: string | number | boolean;
  sub: string;
  role: string;
  identity: string;
}

export const toAuthorizerContext = (identity: Identity): AuthorizerContext => ({
  sub: identity.sub,
  role: identity.role,
  identity: JSON.stringify(maskShownClaims(identity)),
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
