import { Stack, Validations } from "aws-cdk-lib";
import type * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as iam from "aws-cdk-lib/aws-iam";
import type { Construct } from "constructs";
import { acknowledgeManagedPolicy, acknowledgeWildcardResourcesOf } from "./nag-acknowledgements.ts";

/** The wildcard actions CDK's BucketDeployment grants its handler (read the asset, sync the bucket). */
const DEPLOYMENT_WILDCARD_ACTIONS = [
  "s3:GetObject*",
  "s3:GetBucket*",
  "s3:List*",
  "s3:DeleteObject*",
  "s3:Abort*",
];

/**
 * The cdk-nag findings of the pages hosting, each acknowledged on its construct with its reason:
 * CloudFront options a bank decides (geo restriction, WAF, a custom domain for TLS 1.2) and the
 * AWS-maintained BucketDeployment handler that copies the pages into the bucket at deploy time.
 */
export function acknowledgePagesFindings(
  pages: Construct & { readonly distribution: cloudfront.Distribution },
  options: { webAcl: boolean; certificate: boolean },
): void {
  const distribution = pages.distribution.node.defaultChild ?? pages.distribution;
  const reason = (text: string) => ({ reason: text });
  Validations.of(distribution).acknowledge({
    id: "AwsSolutions-CFR1",
    ...reason(
      "Cardmembers chat from anywhere (travel support is a queue); the pages hold no data and the API authorizes every connection.",
    ),
  });
  if (!options.webAcl) {
    Validations.of(distribution).acknowledge({
      id: "AwsSolutions-CFR2",
      ...reason(
        "Static pages only; a bank that fronts its sites with AWS WAF passes the web ACL as ChatPagesProps.webAclId.",
      ),
    });
  }
  if (!options.certificate) {
    Validations.of(distribution).acknowledge({
      id: "AwsSolutions-CFR4",
      ...reason(
        "On the default *.cloudfront.net certificate CloudFront cannot enforce TLS 1.2; with domainNames and a certificate the distribution requires TLSv1.2_2021.",
      ),
    });
  }

  const stack = Stack.of(pages);
  const handler = stack.node.children.find((child) =>
    child.node.id.startsWith("Custom::CDKBucketDeployment"),
  );
  if (!handler) return;
  const deploymentReason =
    "CDK's BucketDeployment handler (AWS-maintained custom resource) runs only at deploy time to copy the pages " +
    "from the CDK asset bucket into the pages bucket and invalidate the distribution; its policy is CDK's own, " +
    "limited to those two buckets and CloudFront invalidations (which have no resource-level scope here).";
  Validations.of(handler).acknowledge({ id: "AwsSolutions-L1", reason: deploymentReason });
  const role = handler.node.tryFindChild("ServiceRole");
  if (!role) return;
  acknowledgeManagedPolicy(
    role,
    iam.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaBasicExecutionRole").managedPolicyArn,
    deploymentReason,
  );
  const policy = role.node.tryFindChild("DefaultPolicy");
  if (!(policy instanceof iam.Policy)) return;
  for (const action of DEPLOYMENT_WILDCARD_ACTIONS) {
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: deploymentReason,
    });
  }
  // The asset bucket's name depends on the bootstrap qualifier: acknowledge the resources the policy names.
  acknowledgeWildcardResourcesOf(policy, deploymentReason);
}
