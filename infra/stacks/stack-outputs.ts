import { Annotations, CfnOutput, RemovalPolicy, type Stack } from "aws-cdk-lib";

/** A synth warning that is also a stack output, so it shows in the console after deploy too. */
export function warnAndOutput(stack: Stack, warningId: string, outputId: string, message: string): void {
  Annotations.of(stack).addWarningV2(warningId, message);
  new CfnOutput(stack, outputId, { value: message });
}

/** Context `tableRemovalPolicy`: `retain` (default) or `destroy`. */
export function removalPolicyFromContext(stack: Stack): RemovalPolicy {
  const value: unknown = stack.node.tryGetContext("tableRemovalPolicy");
  if (value === undefined || value === "" || value === "retain") return RemovalPolicy.RETAIN;
  if (value === "destroy") return RemovalPolicy.DESTROY;
  throw new Error(`Context tableRemovalPolicy must be "retain" or "destroy", not ${JSON.stringify(value)}.`);
}
