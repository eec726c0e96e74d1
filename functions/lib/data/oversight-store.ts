import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { AgentRecord, QueueEntry } from "./agent-records.ts";
import { AGENT_SK, agentPk, CHAT_META_SK, chatPk, queuePk, READY_POOL, readySk, watchSk } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import type { ChatRecord } from "./records.ts";
import { indexes } from "./table-definition.ts";

const { byUser, online } = indexes;
const WATCH_PK = online.partitionKey.name;
const WATCH_SK = online.sortKey.name;

/** What the reconciler keeps on a chat record: how often it restarted its workflows. */
export interface Restarts {
  /** The handoff number whose execution was restarted, and how often. */
  readonly handoffResume?: { readonly handoff: number; readonly restarts: number; readonly at: string };
  readonly closureRestarts?: number;
  /** The idle warning was posted when the chat's last message had this seq. */
  readonly idleWarnedSeq?: number;
  readonly idleWarnedAt?: string;
}

export type WatchedChat = ChatRecord & Restarts & { readonly gsi2pk?: string; readonly gsi2sk?: string };

const failedCondition = (error: Error) => {
  if (error.name === "ConditionalCheckFailedException") return false;
  throw error;
};

/**
 * The reconciler's reads and writes. Reads: the gsi2 lists of chat records (keys.ts: OPEN, HELD#agent,
 * CLOSING), each a key range, never a scan. Writes: each conditioned on what was read, so a repair
 * racing live traffic (or another reconciler) either applies to exactly the state it judged or not at all.
 */
export class OversightStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The chats on one list, optionally only those listed before `before` (an ISO time). */
  listWatched(list: string, before?: string): Promise<WatchedChat[]> {
    return queryAll<WatchedChat>(this.documents, {
      TableName: this.tableName,
      IndexName: online.indexName,
      KeyConditionExpression: before
        ? `${WATCH_PK} = :list AND ${WATCH_SK} < :before`
        : `${WATCH_PK} = :list`,
      ExpressionAttributeValues: before ? { ":list": list, ":before": before } : { ":list": list },
    });
  }

  /** Moves a chat along its list to `at`, if nothing changed it since it was read. */
  relist(chat: WatchedChat, at: string): Promise<boolean> {
    return this.updateChat(chat, `SET ${WATCH_SK} = :sk`, { ":sk": watchSk(at, chat.chatId) });
  }

  /** Counts one more restart of the chat's handoff execution; false if another reconciler won. */
  countHandoffRestart(chat: WatchedChat, handoff: number): Promise<boolean> {
    const previous = chat.handoffResume?.handoff === handoff ? chat.handoffResume.restarts : 0;
    const now = new Date().toISOString();
    // updatedAt moves with the count, so a second reconciler holding the same read loses the condition.
    return this.updateChat(
      chat,
      "SET handoffResume = :resume, updatedAt = :now",
      { ":resume": { handoff, restarts: previous + 1, at: now }, ":now": now },
      "updatedAt = :updatedAt",
    );
  }

  /** Counts one more restart of the chat's closure and moves it along the CLOSING list. */
  countClosureRestart(chat: WatchedChat, at: string): Promise<boolean> {
    return this.updateChat(chat, `SET closureRestarts = :next, ${WATCH_SK} = :sk`, {
      ":next": (chat.closureRestarts ?? 0) + 1,
      ":sk": watchSk(at, chat.chatId),
    });
  }

  /**
   * Claims the idle warning of a chat whose last message is `lastSeq`: the warning will be message
   * `lastSeq + 1`. Only one of several racing runs gets the claim, so the warning is posted once.
   */
  claimIdleWarning(chatId: string, lastSeq: number): Promise<boolean> {
    return this.documents
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
          UpdateExpression: "SET idleWarnedSeq = :next, idleWarnedAt = :now",
          ConditionExpression:
            "lastSeq = :seq AND (attribute_not_exists(idleWarnedSeq) OR idleWarnedSeq <> :next)",
          ExpressionAttributeValues: {
            ":seq": lastSeq,
            ":next": lastSeq + 1,
            ":now": new Date().toISOString(),
          },
        }),
      )
      .then(() => true, failedCondition);
  }

  /** Notes (or clears) since when a queued customer has had no connection. */
  markCustomerAway(entry: QueueEntry, since: string | undefined): Promise<boolean> {
    return this.documents
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: queuePk(entry.queueId), sk: entry.sk },
          UpdateExpression: since ? "SET customerAwaySince = :since" : "REMOVE customerAwaySince",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: since ? { ":since": since } : undefined,
        }),
      )
      .then(() => true, failedCondition);
  }

  /**
   * Sets the agent's used slots to what their chats and offers add up to, under a condition on the value
   * read, and puts them in (or takes them out of) the READY pool to match.
   */
  setActiveChats(agent: AgentRecord, activeChats: number): Promise<boolean> {
    const ready = agent.status === "available" && activeChats < agent.maxChats;
    const values: Record<string, unknown> = { ":read": agent.activeChats, ":count": activeChats };
    let update = "SET activeChats = :count";
    if (ready) {
      update += `, ${byUser.partitionKey.name} = :pool, ${byUser.sortKey.name} = :readySk`;
      values[":pool"] = READY_POOL;
      values[":readySk"] = readySk(agent.idleSince, agent.agentId);
    } else update += ` REMOVE ${byUser.partitionKey.name}, ${byUser.sortKey.name}`;
    return this.documents
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: agentPk(agent.agentId), sk: AGENT_SK },
          UpdateExpression: update,
          ConditionExpression: "activeChats = :read",
          ExpressionAttributeValues: values,
        }),
      )
      .then(() => true, failedCondition);
  }

  private updateChat(
    chat: WatchedChat,
    update: string,
    values: Record<string, unknown>,
    condition = `updatedAt = :updatedAt AND ${WATCH_SK} = :listedAt`,
  ): Promise<boolean> {
    return this.documents
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: chatPk(chat.chatId), sk: CHAT_META_SK },
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeValues: {
            ...values,
            ":updatedAt": chat.updatedAt,
            ...(condition.includes(":listedAt") ? { ":listedAt": chat.gsi2sk } : {}),
          },
        }),
      )
      .then(() => true, failedCondition);
  }
}
