import { RemovalPolicy } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";
import type { KeyAttribute, TableDefinition } from "../../functions/lib/data/table-definition.ts";
import { tableDefinition as sharedTableDefinition } from "../../functions/lib/data/table-definition.ts";

/** The access one function gets. */
export interface TableAccess {
  /** DynamoDB actions on the table itself (item actions, and `Query` when it queries the table). */
  readonly tableActions: readonly string[];
  /** Indexes it queries (`dynamodb:Query` on `…/index/<name>` only). */
  readonly indexQueries: readonly string[];
  /**
   * Partition-key prefixes of the items it may touch on the table (`dynamodb:LeadingKeys`, each as
   * `<prefix>*`). Undefined: every item kind, so a condition would add nothing.
   */
  readonly leadingKeyPrefixes?: readonly string[];
}

/** Whether an access writes (needs the table key's encrypt permissions, not only decrypt). */
function writes(access: TableAccess): boolean {
  const reads = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"];
  return access.tableActions.some((action) => !reads.includes(action));
}

/** Properties of {@link ChatTable}. */
export interface ChatTableProps {
  /**
   * The table schema: keys, global secondary indexes and TTL attribute. The local runtime builds its
   * table from the same object, so the deployed and the local schema cannot drift apart.
   *
   * @default - the shared `tableDefinition` from `functions/lib/data/table-definition.ts`
   */
  readonly definition?: TableDefinition;

  /**
   * What happens to the table (and its data) when it is removed from the stack or the stack is deleted.
   * With `RETAIN`, deletion protection is switched on as well.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Enable a DynamoDB stream with `NEW_AND_OLD_IMAGES` (for example for analytics or change-data
   * capture consumers). Nothing in carechat consumes a stream today.
   *
   * @default false
   */
  readonly stream?: boolean;

  /**
   * A customer managed KMS key to encrypt the table with. Without it the table uses the AWS managed key
   * `aws/dynamodb`: KMS encryption at rest whose use is visible in CloudTrail, with no key policy to
   * maintain and no KMS permissions to hand to every function. Pass a key when the issuer's policy
   * requires control over the key itself (rotation schedule, revocation, crypto-shredding); grants made
   * through {@link ChatTable.grantReadWriteData} then include the key.
   *
   * @default - the AWS managed key `aws/dynamodb`
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Point-in-time recovery window in days (1 to 35).
   *
   * @default 35
   */
  readonly pointInTimeRecoveryDays?: number;
}

/**
 * carechat's single DynamoDB table, built from the shared table definition: on-demand billing,
 * point-in-time recovery, KMS encryption at rest, TTL on the definition's expiry attribute.
 */
export class ChatTable extends Construct {
  /** The underlying table. */
  public readonly table: dynamodb.TableV2;
  /** The schema the table was built from. */
  public readonly definition: TableDefinition;

  public constructor(scope: Construct, id: string, props: ChatTableProps = {}) {
    super(scope, id);
    const definition = props.definition ?? sharedTableDefinition;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.definition = definition;

    this.table = new dynamodb.TableV2(this, "Table", {
      partitionKey: toAttribute(definition.partitionKey),
      sortKey: toAttribute(definition.sortKey),
      globalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: toAttribute(index.partitionKey),
        sortKey: toAttribute(index.sortKey),
      })),
      timeToLiveAttribute: definition.timeToLiveAttribute,
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: true,
        recoveryPeriodInDays: props.pointInTimeRecoveryDays ?? 35,
      },
      encryption: props.encryptionKey
        ? dynamodb.TableEncryptionV2.customerManagedKey(props.encryptionKey)
        : dynamodb.TableEncryptionV2.awsManagedKey(),
      dynamoStream: props.stream ? dynamodb.StreamViewType.NEW_AND_OLD_IMAGES : undefined,
      removalPolicy,
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
    });
  }

  /** The table's physical name. */
  public get tableName(): string {
    return this.table.tableName;
  }

  /** The table's ARN. */
  public get tableArn(): string {
    return this.table.tableArn;
  }

  /** The ARNs of the table's global secondary indexes, one per index named in the definition. */
  public get indexArns(): string[] {
    return this.definition.globalSecondaryIndexes.map((index) => `${this.tableArn}/index/${index.indexName}`);
  }

  /**
   * Grants item reads and writes (including transactions, which IAM authorizes through the per-item
   * actions) on the table and on each named index. Unlike `TableV2.grantReadWriteData`, the index
   * resources are the exact index ARNs rather than `index/*`, and neither `Scan` (no access pattern
   * scans the table) nor the stream actions are granted.
   */
  public grantReadWriteData(grantee: iam.IGrantable): iam.Grant {
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: [
        "dynamodb:BatchGetItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:ConditionCheckItem",
        "dynamodb:DeleteItem",
        "dynamodb:DescribeTable",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:UpdateItem",
      ],
      resourceArns: [this.tableArn, ...this.indexArns],
    });
    this.table.encryptionKey?.grantEncryptDecrypt(grantee);
    return grant;
  }
}

/**
 * Grants exactly `access`: its actions on the table (limited to its partition-key prefixes with
 * `dynamodb:LeadingKeys` when it has any), `Query` on the indexes it reads, and on a customer managed
 * key `kms:Decrypt` (+ `kms:Encrypt`, `kms:GenerateDataKey` when it writes). Nothing when it names no
 * action. Index queries carry no LeadingKeys condition: an index's partition key is another attribute
 * (`gsi1pk`, `gsi2pk`), and the grant there is `Query` alone.
 */
export function grantTableAccess(table: ChatTable, grantee: iam.IGrantable, access: TableAccess): void {
  if (access.tableActions.length > 0) {
    const prefixes = access.leadingKeyPrefixes;
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...access.tableActions],
        resources: [table.tableArn],
        conditions: prefixes
          ? { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": prefixes.map((prefix) => `${prefix}*`) } }
          : undefined,
      }),
    );
  }
  const indexes = access.indexQueries.map((name) => {
    if (!table.definition.globalSecondaryIndexes.some((index) => index.indexName === name)) {
      throw new Error(`The table has no index "${name}".`);
    }
    return `${table.tableArn}/index/${name}`;
  });
  if (indexes.length > 0) {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["dynamodb:Query"], resources: indexes }),
    );
  }
  const key = table.table.encryptionKey;
  if (key && (access.tableActions.length > 0 || indexes.length > 0)) {
    const actions = writes(access) ? ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"];
    key.grant(grantee, ...actions);
  }
}

function toAttribute(attribute: KeyAttribute): dynamodb.Attribute {
  return {
    name: attribute.name,
    type: attribute.type === "N" ? dynamodb.AttributeType.NUMBER : dynamodb.AttributeType.STRING,
  };
}
