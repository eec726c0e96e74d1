/**
 * How long a token may live. A stolen token is worth exactly its remaining lifetime, so carechat
 * refuses tokens without `exp`, tokens without `iat` (their lifetime cannot be known) and tokens
 * meant to live longer than the deployment's maximum, whatever the issuer was willing to sign.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/** Tolerated difference between the issuer's clock and ours. */
export const CLOCK_SKEW_SECONDS = 60;

/** `MAX_TOKEN_LIFETIME_SECONDS`, default 12 hours. A bad value is a configuration error, never "no limit". */
export function maxTokenLifetimeSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MAX_TOKEN_LIFETIME_SECONDS?.trim();
  if (raw === undefined || raw === "") return DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`MAX_TOKEN_LIFETIME_SECONDS must be a positive whole number of seconds, not "${raw}".`);
  return value;
}

export interface TokenTimes {
  readonly iat?: unknown;
  readonly exp?: unknown;
}

/**
 * Why a token's times are refused, or undefined when they are acceptable. Signature, `exp` in the
 * past and `nbf` are the verifier's business; this adds what the JWT standard leaves optional.
 * An `iat` in the future is refused too: otherwise `exp - iat` would be short while the token
 * stays valid for years from now.
 */
export function lifetimeProblem(
  times: TokenTimes,
  maxSeconds: number,
  nowSeconds = Date.now() / 1000,
): string | undefined {
  const { iat, exp } = times;
  if (typeof exp !== "number" || !Number.isFinite(exp)) return "The token has no expiry (exp).";
  if (typeof iat !== "number" || !Number.isFinite(iat))
    return "The token has no issue time (iat), so its lifetime cannot be checked.";
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return "The token's issue time (iat) is in the future.";
  if (exp - iat > maxSeconds)
    return `The token's lifetime (${exp - iat} s) is above the maximum of ${maxSeconds} s.`;
  return undefined;
}
