/**
 * The browser origins allowed to open a WebSocket (`ALLOWED_ORIGINS`, comma-separated exact origins
 * such as `https://chat.bank.example`). Browsers send `Origin` on every WebSocket upgrade and a page
 * cannot forge it, so this stops another site from opening connections with a token it obtained.
 * A native app sends no `Origin` and is allowed: its token is its only credential, as everywhere.
 *
 * Matching is exact on the serialised origin a browser sends (`scheme://host[:port]`, lower case,
 * default port omitted). No suffix, prefix, wildcard or case-folding match: `https://bank.example`
 * does not admit `https://bank.example.evil.com`, `https://evilbank.example`,
 * `https://bank.example:444` or `https://BANK.example`.
 */
export type OriginAllowList = ReadonlySet<string>;

export function parseAllowedOrigins(raw: string | undefined): OriginAllowList {
  const origins = new Set<string>();
  for (const entry of (raw ?? "").split(",")) {
    const value = entry.trim();
    if (value === "") continue;
    origins.add(canonicalOrigin(value));
  }
  return origins;
}

/** An allow-list entry as a browser would serialise it; anything that is not a bare origin is refused. */
export function canonicalOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ALLOWED_ORIGINS: "${value}" is not an origin such as https://chat.bank.example.`);
  }
  const bare = url.pathname === "/" && url.search === "" && url.hash === "" && !value.endsWith("?");
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !bare || url.username || url.password)
    throw new Error(
      `ALLOWED_ORIGINS: "${value}" must be scheme://host[:port] with no path, e.g. https://chat.bank.example.`,
    );
  return url.origin;
}

export type OriginDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly origin: string };

/** The `Origin` header of a request, looked up case-insensitively as HTTP header names are. */
export function originHeader(headers: Readonly<Record<string, string | undefined>> | null | undefined) {
  let found: string | undefined;
  let count = 0;
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== "origin" || value === undefined) continue;
    found = value;
    count += 1;
  }
  // Two Origin headers are never sent by a browser: treat the request as carrying a bad one.
  return count > 1 ? "" : found;
}

export function checkOrigin(origin: string | undefined, allowList: OriginAllowList): OriginDecision {
  if (origin === undefined) return { allowed: true };
  if (allowList.has(origin)) return { allowed: true };
  return { allowed: false, origin: origin.slice(0, 200) };
}
