import { Stack, Validations } from "aws-cdk-lib";
import type * as iam from "aws-cdk-lib/aws-iam";
import type { IConstruct } from "constructs";

/**
 * Helpers that acknowledge one specific cdk-nag finding on one specific construct.
 *
 * cdk-nag 3 reports granular rules (IAM4, IAM5) once per offending value, as `RuleId[Finding]`, and an
 * acknowledgement must name that exact finding (no prefix matching). The finding text is the
 * CloudFormation value flattened the way cdk-nag flattens it (`Fn::Join` concatenated, `Ref` as
 * `<LogicalId>`, `Fn::GetAtt` as `<LogicalId.Attribute>`). Computing it from the same token the policy
 * uses keeps the acknowledgement exact: if the policy changes, the finding no longer matches and the
 * cdk-nag unit test fails instead of silently hiding a broader permission.
 */

/** Acknowledge `AwsSolutions-IAM5[Resource::<resource>]` for one resource ARN (a string or a token). */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  Validations.of(scope).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${flattenForNag(scope, resource)}]`,
    reason,
  });
}

/** Acknowledge `AwsSolutions-IAM4[Policy::<arn>]` for one AWS managed policy attached to a role. */
export function acknowledgeManagedPolicy(scope: IConstruct, managedPolicyArn: string, reason: string): void {
  Validations.of(scope).acknowledge({
    id: `AwsSolutions-IAM4[Policy::${flattenForNag(scope, managedPolicyArn)}]`,
    reason,
  });
}

/**
 * Acknowledge `AwsSolutions-IAM5[Resource::…]` for every wildcard resource an existing policy names, as
 * it stands now. For policies CDK itself writes (for example the BucketDeployment handler's), whose
 * resources depend on the bootstrap qualifier or the asset: the ids still name each exact resource.
 */
export function acknowledgeWildcardResourcesOf(policy: iam.Policy, reason: string): void {
  const document = Stack.of(policy).resolve(policy.document.toJSON()) as {
    Statement?: { Resource?: unknown }[];
  };
  const resources = (document.Statement ?? []).flatMap((statement) => [statement.Resource ?? []].flat());
  for (const resource of new Set(resources.map(flatten))) {
    if (resource.includes("*"))
      Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
  }
}

/** Flattens a (possibly tokenized) value into the text cdk-nag uses in granular finding ids. */
export function flattenForNag(scope: IConstruct, value: string): string {
  return flatten(Stack.of(scope).resolve(value));
}

function flatten(node: unknown): string {
  if (node === undefined) return "";
  if (typeof node === "string") return node.replace(/\$\{/g, "<").replace(/}/g, ">");
  if (typeof node === "object" && node !== null) {
    const record = node as Record<string, unknown>;
    const join = record["Fn::Join"];
    if (Array.isArray(join)) {
      const [delimiter, items] = join as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if (record["Fn::Sub"] !== undefined) return flatten(record["Fn::Sub"]);
    const getAtt = record["Fn::GetAtt"];
    if (Array.isArray(getAtt)) return `<${flatten(getAtt[0])}.${flatten(getAtt[1])}>`;
    if (record["Fn::ImportValue"] !== undefined) return flatten(record["Fn::ImportValue"]);
    if (record.Ref !== undefined) return `<${flatten(record.Ref)}>`;
  }
  return JSON.stringify(node);
}

/**
 * Acknowledge `AwsSolutions-SNS2` (no server-side encryption) on the alarm topic created without a
 * customer managed key: CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key
 * `aws/sns`, and alarm notifications carry alarm names and figures, never chat content.
 */
export function acknowledgeUnencryptedTopic(scope: IConstruct): void {
  Validations.of(scope).acknowledge({
    id: "AwsSolutions-SNS2",
    reason:
      "Alarm topic without a customer managed key: CloudWatch alarms cannot publish to a topic encrypted with " +
      "aws/sns, and notifications carry alarm names and figures only. Set createKmsKey or kmsKeyArn to encrypt it.",
  });
}
