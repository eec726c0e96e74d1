import type { JwtPayload } from "aws-jwt-verify/jwt-model";

/**
 * Which claims carry authority (role, queues, capacity, languages, segment), and from where.
 *
 * A user must never be able to grant themselves a role or a queue. Claims a user can write are
 * therefore never read as authority: Cognito's `custom:*` attributes (an app client may let users
 * update them) are ignored altogether, for every issuer.
 * - Cognito: authority comes only from `cognito:groups`, which only an administrator can change
 *   (see docs/THREAT-MODEL.md for the mapping). Plain claims named like the authority claims are
 *   ignored even if a pre-token-generation trigger added them, so there is one source of truth.
 * - Any other OpenID Connect issuer: from the claims the deployment names (`ROLE_CLAIM`,
 *   `QUEUES_CLAIM`, `LANGUAGES_CLAIM`, `MAX_CHATS_CLAIM`, `SEGMENT_CLAIM`), by default the
 *   contract's plain `role`, `queues`, `languages`, `maxChats` and `segment`.
 */
export const COGNITO_GROUPS = {
  agent: "carechat-agent",
  supervisor: "carechat-supervisor",
  /** `carechat-queue-<queueId>`; `carechat-queue-*` means every queue. */
  queuePrefix: "carechat-queue-",
  /** `carechat-language-<code>`, e.g. `carechat-language-es`. */
  languagePrefix: "carechat-language-",
  /** `carechat-max-chats-<n>`; the highest one wins. */
  maxChatsPrefix: "carechat-max-chats-",
  /** `carechat-segment-<segment>`; a customer without one is `consumer`. */
  segmentPrefix: "carechat-segment-",
} as const;

const AUTHORITY = ["role", "queues", "languages", "maxChats", "segment"] as const;
type AuthorityClaim = (typeof AUTHORITY)[number];

export type ClaimNames = Readonly<Record<AuthorityClaim, string>>;

export type AuthoritySource =
  | { readonly kind: "cognito-groups" }
  | { readonly kind: "claims"; readonly names: ClaimNames };

const ENV_NAMES: Record<AuthorityClaim, string> = {
  role: "ROLE_CLAIM",
  queues: "QUEUES_CLAIM",
  languages: "LANGUAGES_CLAIM",
  maxChats: "MAX_CHATS_CLAIM",
  segment: "SEGMENT_CLAIM",
};

/** The claim names a generic issuer's authority is read from; a `custom:` name is refused. */
export function claimNamesFromEnv(env: NodeJS.ProcessEnv = process.env): ClaimNames {
  const names = {} as Record<AuthorityClaim, string>;
  for (const claim of AUTHORITY) {
    const name = env[ENV_NAMES[claim]]?.trim() || claim;
    if (name.startsWith("custom:") || name.startsWith("cognito:"))
      throw new Error(`${ENV_NAMES[claim]} must name a claim the issuer controls, not "${name}".`);
    names[claim] = name;
  }
  return names;
}

/** The token's claims in the contract's shape, authority taken only from `source`. */
export function contractClaims(payload: JwtPayload, source: AuthoritySource): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key.startsWith("custom:") || key.startsWith("cognito:")) continue;
    if ((AUTHORITY as readonly string[]).includes(key)) continue;
    claims[key] = value;
  }
  const authority =
    source.kind === "cognito-groups"
      ? fromGroups(payload["cognito:groups"])
      : fromClaims(payload, source.names);
  Object.assign(claims, authority);
  // Issuers that can only emit strings (Cognito's pre-token-generation V1, some IdP mappers) send lists as JSON.
  if (typeof claims.accounts === "string") claims.accounts = parseJson(claims.accounts);
  return claims;
}

function fromClaims(payload: JwtPayload, names: ClaimNames): Record<string, unknown> {
  const authority: Record<string, unknown> = {};
  for (const claim of AUTHORITY) {
    let value: unknown = payload[names[claim]];
    if ((claim === "queues" || claim === "languages") && typeof value === "string") value = parseJson(value);
    if (claim === "maxChats" && typeof value === "string" && /^\d{1,3}$/.test(value)) value = Number(value);
    if (value !== undefined) authority[claim] = value;
  }
  return authority;
}

function fromGroups(raw: unknown): Record<string, unknown> {
  const groups = Array.isArray(raw) ? raw.filter((group): group is string => typeof group === "string") : [];
  const withPrefix = (prefix: string) =>
    groups
      .filter((group) => group.startsWith(prefix) && group.length > prefix.length)
      .map((group) => group.slice(prefix.length));
  const segment = withPrefix(COGNITO_GROUPS.segmentPrefix)[0] ?? "consumer";
  if (groups.includes(COGNITO_GROUPS.supervisor) || groups.includes(COGNITO_GROUPS.agent)) {
    const capacities = withPrefix(COGNITO_GROUPS.maxChatsPrefix)
      .filter((n) => /^\d{1,3}$/.test(n))
      .map(Number);
    return {
      role: groups.includes(COGNITO_GROUPS.supervisor) ? "supervisor" : "agent",
      queues: withPrefix(COGNITO_GROUPS.queuePrefix),
      languages: withPrefix(COGNITO_GROUPS.languagePrefix),
      ...(capacities.length > 0 ? { maxChats: Math.max(...capacities) } : {}),
    };
  }
  return { role: "customer", segment };
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
