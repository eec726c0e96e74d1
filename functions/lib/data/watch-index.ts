import { heldChatsPk, OPEN_CHATS, watchSk } from "./keys.ts";
import { indexes } from "./table-definition.ts";

/**
 * The gsi2 attributes that put a chat record on one of the reconciler's lists (keys.ts: OPEN,
 * HELD#<agentId>, CLOSING), as `set` pairs for a chat update in the same transaction as the change
 * that moves it: a chat is never on the wrong list, and no list needs a table scan to be read.
 */
const WATCH_PK = indexes.online.partitionKey.name;
const WATCH_SK = indexes.online.sortKey.name;

type SetPair = readonly [string, string];

/** The chat has no agent (the assistant has it, or it waits in a queue). */
export const openIndex = (chatId: string, at: string): SetPair[] => [
  [WATCH_PK, OPEN_CHATS],
  [WATCH_SK, watchSk(at, chatId)],
];

/** An agent holds the chat. */
export const heldIndex = (agentId: string, chatId: string, at: string): SetPair[] => [
  [WATCH_PK, heldChatsPk(agentId)],
  [WATCH_SK, watchSk(at, chatId)],
];
