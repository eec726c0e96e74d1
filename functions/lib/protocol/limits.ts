/** Limits of the public protocol (docs/PROTOCOL.md "Limits and defaults") and of API Gateway WebSocket APIs. */
export const MAX_MESSAGE_TEXT_CHARS = 4_000;
export const MAX_FRAME_BYTES = 32 * 1024;
export const MAX_MESSAGE_BYTES = 128 * 1024;
export const IDLE_TIMEOUT_MS = 10 * 60 * 1000;
export const MAX_CONNECTION_MS = 2 * 60 * 60 * 1000;
export const MAX_CLIENT_MESSAGE_ID_CHARS = 128;
/** How many messages one `resume` or `getTranscript` reply carries at most before the client must page. */
export const MAX_MESSAGES_PER_PAGE = 200;
