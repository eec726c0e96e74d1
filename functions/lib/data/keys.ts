/**
 * Key layout of the single table (see ACCESS-PATTERNS.md). Inside a chat's partition the sort keys
 * order as CMID# < CONN# < META < MSG#, so one query between "CONN#" and "META" returns the chat
 * together with the connections subscribed to it — the first and only read of the message path.
 */
const SEQ_WIDTH = 10;

export const chatPk = (chatId: string) => `CHAT#${chatId}`;
export const CHAT_META_SK = "META";
export const MESSAGE_PREFIX = "MSG#";
export const messageSk = (seq: number) => `${MESSAGE_PREFIX}${String(seq).padStart(SEQ_WIDTH, "0")}`;
export const subscriptionSk = (connectionId: string) => `CONN#${connectionId}`;
export const SUBSCRIPTIONS_FROM = "CONN#";
/** A sender's message-rate bucket, in the chat's partition between CONN# and META: read by the same Query. */
export const RATE_PREFIX = "LIMIT#";
export const rateSk = (userId: string) => `${RATE_PREFIX}${userId}`;
/**
 * `#` (and `%`, the escape itself) in the sender id is percent-encoded: otherwise sender `a#b` with
 * message id `c` and sender `a` with message id `b#c` would share one idempotency key, and the second
 * message would be taken for a retry of the first. Ids without `#` or `%` keep their plain key.
 */
export const CLIENT_MESSAGE_PREFIX = "CMID#";
export const clientMessageSk = (senderId: string, clientMessageId: string) =>
  `${CLIENT_MESSAGE_PREFIX}${escapeKeyPart(senderId)}#${clientMessageId}`;
const escapeKeyPart = (value: string) => value.replace(/%/g, "%25").replace(/#/g, "%23");

export const connectionPk = (connectionId: string) => `CONN#${connectionId}`;
export const CONNECTION_SK = "CONN";

export const userPk = (userId: string) => `USER#${userId}`;
export const userChatSk = (createdAt: string, chatId: string) => `CHAT#${createdAt}#${chatId}`;
/** A user's count of open connections, on the main table: read consistently, unlike gsi1. */
export const USER_CONNECTIONS_SK = "CONNECTIONS";
export const USER_CONNECTION_PREFIX = "CONN#";
export const userConnectionSk = (connectionId: string) => `${USER_CONNECTION_PREFIX}${connectionId}`;

export const casePk = (caseNumber: string) => `CASE#${caseNumber}`;
export const CASE_SK = "CASE";

export const agentPk = (agentId: string) => `AGENT#${agentId}`;
export const AGENT_SK = "AGENT";
/** Sparse GSI partition holding only agents who are available and have a free slot, longest idle first. */
export const READY_POOL = "READY";
export const readySk = (idleSince: string, agentId: string) => `${idleSince}#${agentId}`;

export const queuePk = (queueId: string) => `QUEUE#${queueId}`;
const MAX_PRIORITY = 999;
/** Queue priorities live in 0..999 so that they fit the key; entries store the clamped value. */
export const clampPriority = (priority: number) => Math.min(MAX_PRIORITY, Math.max(0, Math.round(priority)));
/** Highest priority first, then the longest waiting: the original enqueue time survives overflow. */
/** Every queue entry's sort key starts with this; the statistics item does not. */
export const QUEUE_ENTRY_PREFIX = "P";
export const queueEntrySk = (priority: number, enqueuedAt: string, chatId: string) =>
  `${QUEUE_ENTRY_PREFIX}${String(MAX_PRIORITY - clampPriority(priority)).padStart(3, "0")}#${enqueuedAt}#${chatId}`;
export const QUEUE_STATS_SK = "STATS";
/** Sparse gsi2 partition holding every signed-in (available or away) agent, for wait estimates. */
export const ONLINE_STAFF = "ONLINE";

/**
 * Revocations (revoke.ts): one user (every token issued to them up to `revokedAt`) or one token id.
 * The kind is part of the key, so a user id never collides with a token id of the same spelling.
 */
export const revokedUserPk = (sub: string) => `REVOKED#SUB#${sub}`;
export const revokedTokenPk = (jti: string) => `REVOKED#JTI#${jti}`;
export const REVOKED_SK = "REVOKED";
/** The connections opened with one token id, so a revocation by `jti` finds them without a scan. */
export const tokenPk = (jti: string) => `TOKEN#${jti}`;
export const tokenConnectionSk = (connectionId: string) => `CONN#${connectionId}`;

/**
 * gsi2 on chat records: where the reconciler finds what a crash can leave, without a scan. A chat
 * with no agent sits in OPEN, a chat an agent holds in HELD#<agentId>, a chat being closed in CLOSING
 * until its closure finished; the sort key is when it moved there, so "older than" is a key range.
 */
export const OPEN_CHATS = "OPEN";
export const CLOSING_CHATS = "CLOSING";
export const heldChatsPk = (agentId: string) => `HELD#${agentId}`;
export const watchSk = (at: string, chatId: string) => `${at}#${chatId}`;

/**
 * Supervisor tools (ACCESS-PATTERNS.md, patterns 20-24). Staff notes sit in the chat's partition after
 * its messages (MSG# < NOTE# < NOTES), numbered by their own counter item, so a message query bounded
 * to MSG# never returns a note and a note never moves the messages' `seq`.
 */
export const NOTE_PREFIX = "NOTE#";
export const noteSk = (noteSeq: number) => `${NOTE_PREFIX}${String(noteSeq).padStart(SEQ_WIDTH, "0")}`;
export const NOTE_COUNTER_SK = "NOTES";
/** The last message key there can be: message queries end here, whatever else shares the partition. */
export const LAST_MESSAGE_SK = messageSk(10 ** SEQ_WIDTH - 1);
/** Connections watching the live queues (watchQueues), one small partition the ticker reads. */
export const WATCHERS_PK = "WATCHERS";
export const watcherSk = (connectionId: string) => `CONN#${connectionId}`;
/** Ten-minute activity windows of a queue (timed-out offers, abandons, estimate errors). */
export const QUEUE_WINDOW_PREFIX = "WINDOW#";
export const queueWindowSk = (windowStart: string) => `${QUEUE_WINDOW_PREFIX}${windowStart}`;
/** Chats an agent took from a queue, so a supervisor can list them; checked against the chat on read. */
export const LIVE_CHAT_PREFIX = "LIVE#";
export const liveChatSk = (chatId: string) => `${LIVE_CHAT_PREFIX}${chatId}`;
/** A queue's wrap-up and rating counters (CaseStore), apart from the versioned STATS item it would race with. */
export const QUEUE_OUTCOMES_SK = "OUTCOMES";
