/**
 * The one definition of carechat's DynamoDB table. The CDK stack and the local runtime both build
 * their table from this object, so the deployed and the local schema can never drift apart.
 * Access patterns are documented in ./ACCESS-PATTERNS.md.
 */
export interface KeyAttribute {
  readonly name: string;
  readonly type: "S" | "N";
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
}

export interface TableDefinition {
  /** Logical name; the deployed physical name is chosen by CloudFormation. */
  readonly logicalName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  /** Epoch-seconds attribute after which DynamoDB deletes the item. */
  readonly timeToLiveAttribute: string;
}

/**
 * The two sparse indexes, by what they hold. gsi1: a user's chats and connections (`USER#<id>`) and the
 * READY pool of agents with a free slot; gsi2: every signed-in agent (`ONLINE`).
 */
const byUser: IndexDefinition = {
  indexName: "gsi1",
  partitionKey: { name: "gsi1pk", type: "S" },
  sortKey: { name: "gsi1sk", type: "S" },
};
const online: IndexDefinition = {
  indexName: "gsi2",
  partitionKey: { name: "gsi2pk", type: "S" },
  sortKey: { name: "gsi2sk", type: "S" },
};

export const indexes = { byUser, online } as const;

export const tableDefinition: TableDefinition = {
  logicalName: "carechat",
  partitionKey: { name: "pk", type: "S" },
  sortKey: { name: "sk", type: "S" },
  globalSecondaryIndexes: [byUser, online],
  timeToLiveAttribute: "expiresAt",
};
