import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { StaffIdentity } from "../auth/identity.ts";
import type { AgentRecord, PresenceStatus } from "./agent-records.ts";
import { AGENT_SK, agentPk, ONLINE_STAFF, READY_POOL, readySk } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { expiryAfter, RETENTION_DEFAULT_DAYS } from "./retention.ts";
import { RETRY, retryOnConflict } from "./retry-on-conflict.ts";
import { indexes } from "./table-definition.ts";
import type { TransactItem } from "./transaction.ts";

const { byUser, online } = indexes;
const READY_PK = byUser.partitionKey.name;
const READY_SK = byUser.sortKey.name;
const ONLINE_PK = online.partitionKey.name;
const ONLINE_SK = online.sortKey.name;

/**
 * Agents, their presence and their used capacity. Every change to `activeChats` is conditioned on
 * the value read, so no race can push an agent past `maxChats` or lose a released slot. An agent
 * with a free slot who is available also sits in the sparse READY pool of gsi1, longest idle first.
 * Every write moves the record's `expiresAt` to `retentionDays` later: an agent who stops signing in
 * is forgotten by TTL.
 */
export class AgentStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number = RETENTION_DEFAULT_DAYS.agent,
  ) {}

  async get(agentId: string): Promise<AgentRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: agentPk(agentId), sk: AGENT_SK },
        ConsistentRead: true,
      }),
    );
    return Item as AgentRecord | undefined;
  }

  /** Available agents with a free slot, longest idle first. */
  listReady(): Promise<AgentRecord[]> {
    return queryAll<AgentRecord>(this.documents, {
      TableName: this.tableName,
      IndexName: byUser.indexName,
      KeyConditionExpression: `${READY_PK} = :ready`,
      ExpressionAttributeValues: { ":ready": READY_POOL },
    });
  }

  /** Every signed-in agent, available or away. */
  listOnline(): Promise<AgentRecord[]> {
    return queryAll<AgentRecord>(this.documents, {
      TableName: this.tableName,
      IndexName: online.indexName,
      KeyConditionExpression: `${ONLINE_PK} = :online`,
      ExpressionAttributeValues: { ":online": ONLINE_STAFF },
    });
  }

  /** Records presence and the skills of the agent's current token; returns the agent as stored. */
  setPresence(identity: StaffIdentity, status: PresenceStatus): Promise<AgentRecord> {
    return retryOnConflict(
      async () => {
        const current = await this.get(identity.sub);
        const now = new Date().toISOString();
        const activeChats = current?.activeChats ?? 0;
        const becameAvailable = status === "available" && current?.status !== "available";
        const agent: AgentRecord = {
          agentId: identity.sub,
          name: identity.name,
          role: identity.role,
          queues: identity.queues,
          languages: identity.languages,
          maxChats: identity.maxChats,
          status,
          activeChats,
          idleSince: becameAvailable || !current ? now : current.idleSince,
          updatedAt: now,
        };
        try {
          await this.documents.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: { pk: agentPk(agent.agentId), sk: AGENT_SK },
              ...this.writeAgent(agent, current ? { activeChats } : undefined),
            }),
          );
          return agent;
        } catch (error) {
          if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
          return RETRY;
        }
      },
      { operation: "setPresence" },
    );
  }

  /** Signs an agent out (their last connection closed); chats they hold stay theirs. */
  async markOffline(agentId: string): Promise<void> {
    await this.documents
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: agentPk(agentId), sk: AGENT_SK },
          UpdateExpression: `SET #status = :offline, updatedAt = :now, expiresAt = :expiresAt REMOVE ${READY_PK}, ${READY_SK}, ${ONLINE_PK}, ${ONLINE_SK}`,
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":offline": "offline",
            ":now": new Date().toISOString(),
            ":expiresAt": expiryAfter(Date.now(), this.retentionDays),
          },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== "ConditionalCheckFailedException") throw error;
      });
  }

  /** The transaction item that takes one of the agent's slots, as read in `agent`. */
  reserveSlotItem(agent: AgentRecord): TransactItem {
    const next = { ...agent, activeChats: agent.activeChats + 1 };
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: agentPk(agent.agentId), sk: AGENT_SK },
        ...this.writeAgent(next, { activeChats: agent.activeChats, status: "available" }),
      },
    };
  }

  /** The transaction item that gives back one slot. */
  releaseSlotItem(agent: AgentRecord): TransactItem {
    const next = {
      ...agent,
      activeChats: Math.max(0, agent.activeChats - 1),
      idleSince: new Date().toISOString(),
    };
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: agentPk(agent.agentId), sk: AGENT_SK },
        ...this.writeAgent(next, { activeChats: agent.activeChats }),
      },
    };
  }

  private writeAgent(agent: AgentRecord, expected?: { activeChats: number; status?: PresenceStatus }) {
    const ready = agent.status === "available" && agent.activeChats < agent.maxChats;
    const values: Record<string, unknown> = {
      ":agentId": agent.agentId,
      ":name": agent.name,
      ":role": agent.role,
      ":queues": agent.queues,
      ":languages": agent.languages,
      ":maxChats": agent.maxChats,
      ":status": agent.status,
      ":activeChats": agent.activeChats,
      ":idleSince": agent.idleSince,
      ":updatedAt": agent.updatedAt,
      ":expiresAt": expiryAfter(Date.now(), this.retentionDays),
    };
    const sets = [
      "agentId = :agentId",
      "#name = :name",
      "#role = :role",
      "queues = :queues",
      "languages = :languages",
      "maxChats = :maxChats",
      "#status = :status",
      "activeChats = :activeChats",
      "idleSince = :idleSince",
      "updatedAt = :updatedAt",
      "expiresAt = :expiresAt",
    ];
    const removes: string[] = [];
    if (ready) {
      sets.push(`${READY_PK} = :pool`, `${READY_SK} = :readySk`);
      values[":pool"] = READY_POOL;
      values[":readySk"] = readySk(agent.idleSince, agent.agentId);
    } else removes.push(READY_PK, READY_SK);
    if (agent.status !== "offline") {
      sets.push(`${ONLINE_PK} = :online`, `${ONLINE_SK} = :agentId`);
      values[":online"] = ONLINE_STAFF;
    } else removes.push(ONLINE_PK, ONLINE_SK);
    let condition = "attribute_not_exists(pk)";
    if (expected) {
      condition = "activeChats = :expectedChats";
      values[":expectedChats"] = expected.activeChats;
      if (expected.status) {
        condition += " AND #status = :expectedStatus AND maxChats > :expectedChats";
        values[":expectedStatus"] = expected.status;
      }
    }
    return {
      UpdateExpression: `SET ${sets.join(", ")}${removes.length > 0 ? ` REMOVE ${removes.join(", ")}` : ""}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: { "#name": "name", "#role": "role", "#status": "status" },
      ExpressionAttributeValues: values,
    };
  }
}
