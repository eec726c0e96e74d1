import type { CfnElement, Stack } from "aws-cdk-lib";
import type { Template } from "aws-cdk-lib/assertions";
import type { IConstruct } from "constructs";

/** One IAM policy statement as it appears in the template. */
export interface Statement {
  readonly Effect?: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, unknown>;
}

/** The logical id of a construct's CloudFormation resource. */
export function logicalIdOf(stack: Stack, construct: IConstruct): string {
  return stack.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);
}

/** Every statement of every policy attached to a role (AWS::IAM::Policy and inline policies). */
export function statementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  const statements: Statement[] = [];
  for (const policy of Object.values(template.findResources("AWS::IAM::Policy"))) {
    const roles = (policy.Properties.Roles ?? []) as { Ref?: string }[];
    if (roles.some((role) => role.Ref === roleLogicalId)) {
      statements.push(...(policy.Properties.PolicyDocument.Statement as Statement[]));
    }
  }
  const role = template.findResources("AWS::IAM::Role")[roleLogicalId];
  for (const inline of (role?.Properties.Policies ?? []) as {
    PolicyDocument: { Statement: Statement[] };
  }[]) {
    statements.push(...inline.PolicyDocument.Statement);
  }
  return statements;
}

/** The statements whose actions all start with `prefix` (e.g. `dynamodb:`). */
export function statementsFor(statements: Statement[], prefix: string): Statement[] {
  return statements.filter((statement) =>
    [statement.Action].flat().some((action) => action.startsWith(prefix)),
  );
}
