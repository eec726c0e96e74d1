/** Limits of the public protocol (docs/PROTOCOL.md "Limits and defaults") and of API Gateway WebSocket APIs. */
export const MAX_MESSAGE_TEXT_CHARS = 4_000;
export const MAX_FRAME_BYTES = 32 * 1024;
export const MAX_MESSAGE_BYTES = 128 * 1024;
export const IDLE_TIMEOUT_MS = 10 * 60 * 1000;
export const MAX_CONNECTION_MS = 2 * 60 * 60 * 1000;
export const MAX_CLIENT_MESSAGE_ID_CHARS = 128;
/** How many messages one `resume` or `getTranscript` reply carries at most before the client must page. */
export const MAX_MESSAGES_PER_PAGE = 200;

/**
 * Rate limits (token buckets: a burst, then a sustained rate). A burst of 20 messages from a user at
 * rest is always accepted; sustained sending near one a second is refused with RATE_LIMITED.
 */
export const MESSAGE_BURST = 20;
export const MESSAGE_RATE_PER_SECOND = 0.5;
/** Every frame of one connection, whatever its action: a flood from one socket is shed before any I/O. */
export const FRAME_BURST = 60;
export const FRAME_RATE_PER_SECOND = 10;
/** Typing indicators beyond one per this interval per connection are dropped, not refused. */
export const TYPING_INTERVAL_MS = 1_000;
/** Open connections one user may hold at once. */
export const MAX_CONNECTIONS_PER_USER = 10;
/** Chats one customer may have open (not ended) at once. */
export const MAX_OPEN_CHATS_PER_CUSTOMER = 3;
