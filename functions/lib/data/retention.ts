import { MAX_CONNECTION_MS } from "../protocol/limits.ts";

/**
 * Connection and subscription records outlive no connection: API Gateway closes every connection
 * after two hours, and TTL removes what a missed $disconnect left behind shortly after.
 */
const GRACE_MS = 10 * 60 * 1000;

export const connectionExpiry = (now = Date.now()) => Math.ceil((now + MAX_CONNECTION_MS + GRACE_MS) / 1000);
export const subscriptionExpiry = connectionExpiry;
