/**
 * What each function may do on the chat table, read from the handlers' code (the commands each one
 * sends through functions/lib/data/*). Transactions are authorized per item (`TransactWriteItems`
 * needs `PutItem`/`UpdateItem`/`DeleteItem`/`ConditionCheckItem` for its items), so no function needs a
 * transaction action of its own. When a handler starts sending another command or touching another
 * item kind, change its line here; the infra tests assert each policy against this table.
 */
import type { TableAccess } from "../constructs/chat-table.ts";

const EVERY_ITEM_ACTION = [
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
] as const;

/** Table access by function (the keys of CarechatStack.functions). */
export const TABLE_ACCESS = {
  // Verifies tokens and refuses revoked users and tokens: RevocationStore.isRevoked reads REVOKED# items.
  authorizer: {
    tableActions: ["dynamodb:GetItem", "dynamodb:BatchGetItem"],
    indexQueries: [],
    leadingKeyPrefixes: ["REVOKED#"],
  },
  // ConnectionStore.put: one transaction putting CONN#<id> and counting it on USER#<sub> (UpdateItem).
  // The revocation re-check after the record: TOKEN#<jti> remembers the connection (PutItem), REVOKED#
  // items are read (GetItem, BatchGetItem); a refused connection is removed again (GetItem, DeleteItem).
  connect: {
    tableActions: [
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
    ],
    indexQueries: [],
    leadingKeyPrefixes: ["CONN#", "USER#", "TOKEN#", "REVOKED#"],
  },
  // ConnectionStore.forget: GetItem CONN#, a transaction deleting it and uncounting USER# (DeleteItem,
  // UpdateItem), GetItem of the count, BatchWriteItem deleting the CHAT#…/CONN# subscriptions;
  // AgentStore.markOffline (UpdateItem AGENT#) when it was a staff member's last connection.
  disconnect: {
    tableActions: [
      "dynamodb:GetItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:UpdateItem",
    ],
    indexQueries: [],
    // TOKEN#: the token's index of this connection, deleted with it; WATCHERS: a supervisor's queue watch.
    leadingKeyPrefixes: ["CONN#", "USER#", "TOKEN#", "CHAT#", "AGENT#", "WATCHERS"],
  },
  // Every use case: chats, messages, cases (transcript by case number), agents, queues, connections.
  actions: { tableActions: EVERY_ITEM_ACTION, indexQueries: ["gsi1", "gsi2"] },
  // Case numbers (CASE#), the summary, releasing the agent and dispatching the next waiting chat.
  chatClosure: { tableActions: EVERY_ITEM_ACTION, indexQueries: ["gsi1", "gsi2"] },
  // Enqueue, offers, overflow, abandonment: queues, agents, chats, connections.
  chatHandoff: { tableActions: EVERY_ITEM_ACTION, indexQueries: ["gsi1", "gsi2"] },
  // publishQueueStatus: Query/GetItem/UpdateItem on QUEUE#, the ONLINE agents (gsi2), the customer's
  // connections (gsi1) and forgetting a gone connection (DeleteItem CONN#, BatchWriteItem CHAT#).
  queueTicker: {
    tableActions: [
      "dynamodb:GetItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
    ],
    indexQueries: ["gsi1", "gsi2"],
    // Forgetting a gone connection also uncounts it (USER#) and may sign an agent out (AGENT#).
    // WATCHERS: the supervisors watching the queues (Query), a gone watcher dropped (DeleteItem).
    leadingKeyPrefixes: ["QUEUE#", "CHAT#", "CONN#", "USER#", "TOKEN#", "AGENT#", "WATCHERS"],
  },
  // Queue entries (Query QUEUE#), chats and their gsi2 lists (OPEN, HELD#, CLOSING), agents (ONLINE),
  // customers' connection counts (GetItem USER#), and every repair's conditional write; the offers and
  // closures it restarts dispatch and post frames as the workflows do.
  reconciler: { tableActions: EVERY_ITEM_ACTION, indexQueries: ["gsi1", "gsi2"] },
  // RevocationStore.revoke (PutItem REVOKED#), connectionsOfToken (Query TOKEN#), the user's open
  // connections (Query gsi1 USER#…/CONN#).
  revoke: {
    tableActions: ["dynamodb:PutItem", "dynamodb:Query"],
    indexQueries: ["gsi1"],
    leadingKeyPrefixes: ["REVOKED#", "TOKEN#"],
  },
  // The customer's chats (Query gsi1 USER#), each chat's and case's partition (Query, BatchWriteItem
  // deletes, UpdateItem expiry), the chat record (GetItem, conditional DeleteItem).
  eraseCustomer: {
    tableActions: [
      "dynamodb:GetItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
    ],
    indexQueries: ["gsi1"],
    leadingKeyPrefixes: ["CHAT#", "CASE#"],
  },
  // receiveUpload: the upload and chat records (GetItem), marking the upload stored or rejected
  // (UpdateItem), the chat with its subscriptions (Query CHAT#), appending the attachment message
  // (transaction: UpdateItem META, PutItem MSG# and CMID#), forgetting a gone connection (CONN#, USER#,
  // TOKEN#, AGENT#: DeleteItem, UpdateItem, BatchWriteItem of CHAT#…/CONN#).
  uploadReceived: {
    tableActions: [
      "dynamodb:GetItem",
      "dynamodb:Query",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
    ],
    indexQueries: ["gsi1"],
    leadingKeyPrefixes: ["CHAT#", "CONN#", "USER#", "TOKEN#", "AGENT#"],
  },
} as const satisfies Record<string, TableAccess>;
