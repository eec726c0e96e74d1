import { App, type AppProps, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { CarechatStack, type CarechatStackProps } from "./stacks/carechat-stack.ts";

/**
 * The feature flag that turns CDK's built-in CloudFormation template validation findings (for example
 * F3004, a circular dependency) from warnings into synth errors. On by default in this app.
 */
export const VALIDATE_AGAINST_DEFAULT_RULES = "@aws-cdk/core:validateAgainstDefaultRules";

/** The region deployed to when neither context `regions` nor `CARECHAT_REGIONS` names any. */
export const DEFAULT_REGION = "us-east-1";

/** Options of {@link createCarechatApp}. */
export interface CarechatAppOptions extends AppProps {
  /**
   * Regions to deploy to, one `carechat-<region>` stack each.
   *
   * @default - context `regions` (comma list), else env `CARECHAT_REGIONS`, else `us-east-1`
   */
  readonly regions?: readonly string[];

  /**
   * Properties shared by every regional stack (`env` is set per region).
   *
   * @default - none: everything from context
   */
  readonly stackProps?: Omit<CarechatStackProps, "env">;

  /**
   * Run the cdk-nag AwsSolutions checks at synth.
   *
   * @default true
   */
  readonly nag?: boolean;
}

/** The carechat CDK app and its regional stacks. */
export interface CarechatApp {
  /** The app. */
  readonly app: App;
  /** One stack per region, in the order the regions were given. */
  readonly stacks: readonly CarechatStack[];
}

/**
 * Builds the carechat app: one `carechat-<region>` stack per region (same stack, independent regional
 * deployments), checked by cdk-nag's AwsSolutions pack with the cdk-nag 3 validation-plugin API.
 */
export function createCarechatApp(options: CarechatAppOptions = {}): CarechatApp {
  const { regions: explicitRegions, stackProps, nag = true, ...appProps } = options;
  // CDK validates each template with its default CloudFormation rules at every synth; this flag makes
  // their findings errors instead of warnings, so a dependency cycle (F3004) fails `cdk synth`.
  const app = new App({
    ...appProps,
    context: { [VALIDATE_AGAINST_DEFAULT_RULES]: true, ...appProps.context },
  });
  const regions =
    explicitRegions ?? parseRegions(app.node.tryGetContext("regions") ?? process.env.CARECHAT_REGIONS);
  const stacks = regions.map(
    (region) =>
      new CarechatStack(app, `carechat-${region}`, {
        description:
          "carechat: customer-care chat over API Gateway WebSocket, Lambda, DynamoDB, Step Functions",
        ...stackProps,
        env: { account: process.env.CDK_DEFAULT_ACCOUNT, region },
      }),
  );
  if (nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stacks };
}

/** Parses a comma list of regions (`us-east-1,eu-west-1`); empty means {@link DEFAULT_REGION}. */
export function parseRegions(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(String) : String(value ?? "").split(",");
  const regions = [...new Set(list.map((region) => region.trim()).filter((region) => region !== ""))];
  for (const region of regions) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new Error(`"${region}" is not an AWS region name.`);
  }
  return regions.length > 0 ? regions : [DEFAULT_REGION];
}
