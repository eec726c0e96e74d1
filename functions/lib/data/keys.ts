/**
 * Key layout of the single table (see ACCESS-PATTERNS.md). Inside a chat's partition the sort keys
 * order as CMID# < CONN# < META < MSG#, so one query between "CONN#" and "META" returns the chat
 * together with the connections subscribed to it — the first and only read of the message path.
 */
const SEQ_WIDTH = 10;

export const chatPk = (chatId: string) => `CHAT#${chatId}`;
export const CHAT_META_SK = "META";
export const messageSk = (seq: number) => `MSG#${String(seq).padStart(SEQ_WIDTH, "0")}`;
export const subscriptionSk = (connectionId: string) => `CONN#${connectionId}`;
export const SUBSCRIPTIONS_FROM = "CONN#";
export const clientMessageSk = (senderId: string, clientMessageId: string) =>
  `CMID#${senderId}#${clientMessageId}`;

export const connectionPk = (connectionId: string) => `CONN#${connectionId}`;
export const CONNECTION_SK = "CONN";

export const userPk = (userId: string) => `USER#${userId}`;
export const userChatSk = (createdAt: string, chatId: string) => `CHAT#${createdAt}#${chatId}`;
export const userConnectionSk = (connectionId: string) => `CONN#${connectionId}`;

export const casePk = (caseNumber: string) => `CASE#${caseNumber}`;
export const CASE_SK = "CASE";
