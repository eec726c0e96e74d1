import { ArnFormat, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";

/** Properties of {@link ChatEncryptionKey}. */
export interface ChatEncryptionKeyProps {
  /**
   * What happens to the key when it is removed from the stack. A deleted key makes every table backup
   * and log event encrypted with it unreadable, so it is retained unless the stack is a throwaway one.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * How long a scheduled deletion waits (7 to 30 days).
   *
   * @default Duration.days(30)
   */
  readonly pendingWindow?: Duration;
}

/**
 * carechat's customer managed KMS key: one symmetric key, rotated yearly, for the chat table, the
 * functions', workflows' and access log groups and the alarm topic. Besides the account (IAM decides
 * who else may use it), its key policy lets CloudWatch Logs use it for this account's log groups in this
 * region, and CloudWatch alarms publish to an SNS topic encrypted with it.
 *
 * An existing key (context `kmsKeyArn`) is used as it is: its policy must already allow the same.
 */
export class ChatEncryptionKey extends Construct {
  /** The key. */
  public readonly key: kms.Key;

  public constructor(scope: Construct, id: string, props: ChatEncryptionKeyProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new kms.Key(this, "Key", {
      description: `carechat ${stack.stackName}: chat table, log groups, alarm topic`,
      enableKeyRotation: true,
      pendingWindow: props.pendingWindow ?? Duration.days(30),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const logGroupArns = stack.formatArn({
      service: "logs",
      resource: "log-group",
      resourceName: "*",
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "CloudWatchLogsOfThisAccountAndRegion",
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        conditions: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": logGroupArns } },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "CloudWatchAlarmsPublishToEncryptedTopic",
        principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        conditions: { StringEquals: { "aws:SourceAccount": stack.account } },
      }),
    );
  }
}
