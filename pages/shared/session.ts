import { CareChatClient } from "../../client/src/index.ts";

/**
 * Demo sign-in and what a page keeps across a reload, in sessionStorage (gone when the tab closes).
 * The claims, not a token, are kept: the SDK's token provider asks for a fresh token on every
 * (re)connect. A bank's page instead gets its token from its own login (an endpoint of its site
 * that returns a JWT from its identity provider); only the `token` function below changes.
 */
export type Claims = Record<string, unknown>;

export function stored<T>(key: string): T | undefined {
  const value = sessionStorage.getItem(key);
  return value === null ? undefined : (JSON.parse(value) as T);
}

export function store(key: string, value: unknown): void {
  if (value === undefined) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, JSON.stringify(value));
}

/** The local runtime's demo issuer: `POST /dev/token` with the claims, answered with `{ token }`. */
export async function demoToken(claims: Claims): Promise<string> {
  const response = await fetch("/dev/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(claims),
  });
  if (!response.ok) throw new Error(`POST /dev/token answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** A client for this page's origin: the local runtime serves the pages and the WebSocket on one port. */
export function clientFor(claims: Claims, resumeChats?: Record<string, number>): CareChatClient {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return new CareChatClient({
    url: `${scheme}://${location.host}`,
    token: () => demoToken(claims),
    backoff: { baseMs: 300, maxMs: 10_000 },
    resumeChats,
  });
}

/** A short id for a demo user, unique per sign-in so two tabs are two people. */
export const newUserId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
