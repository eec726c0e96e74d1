import { UnauthorizedError } from "../errors.ts";
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
  identity: JSON.stringify(identity),
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
  return parsed.data;
}
