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
export const CLIENT_MESSAGE_PREFIX = "CMID#";
export const clientMessageSk = (senderId: string, clientMessageId: string) =>
  `${CLIENT_MESSAGE_PREFIX}${senderId}#${clientMessageId}`;

export const connectionPk = (connectionId: string) => `CONN#${connectionId}`;
export const CONNECTION_SK = "CONN";

export const userPk = (userId: string) => `USER#${userId}`;
export const userChatSk = (createdAt: string, chatId: string) => `CHAT#${createdAt}#${chatId}`;
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
