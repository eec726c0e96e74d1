import * as logs from "aws-cdk-lib/aws-logs";
import type { IConstruct } from "constructs";

/**
 * The deploy-time settings a bank changes without forking, each a stack prop or a context value
 * (`cdk deploy -c name=value`, or `context` in cdk.json). A prop wins over context; both are checked at
 * synth, and a bad value fails it with the setting's name.
 */
export interface StackSettingsProps {
  /** Routing configuration JSON file (queues, hours, contact numbers). @default context `routingFile`, else infra/routing/default-routing.json */
  readonly routingFile?: string;
  /** Browser origins `$connect` accepts (`https://host[:port]`). @default context `allowedOrigins` (comma list), else none (plus the hosted pages' origin) */
  readonly allowedOrigins?: readonly string[];
  /** Memory of every function, MB. @default context `memorySize`, else 512 */
  readonly memorySize?: number;
  /** Retention of every log group, days (a CloudWatch Logs value: 1, 3, 5, 7, 14, 30, 60, 90, …). @default context `logRetentionDays`, else 30 */
  readonly logRetentionDays?: number;
  /** Stage throttling: steady rate (requests/s) and burst of the routes. @default context `throttlingRateLimit` / `throttlingBurstLimit`, else 500 / 1000 */
  readonly throttlingRateLimit?: number;
  readonly throttlingBurstLimit?: number;
  /** Reserved concurrency of the `actions` function: its cap, so overload is throttled instead of starving the other functions (the local runtime's admission control is its stand-in). @default context `actionsReservedConcurrency`, else none (the account's unreserved pool) */
  readonly actionsReservedConcurrency?: number;
  /** An existing customer managed KMS key for the table, log groups and alarm topic. @default context `kmsKeyArn` */
  readonly kmsKeyArn?: string;
  /** Create a customer managed KMS key (ignored with `kmsKeyArn`). @default context `createKmsKey`, else false: AWS owned/managed keys */
  readonly createKmsKey?: boolean;
  /** Register this stack's role as the account's API Gateway CloudWatch logging role. @default context `manageApiGatewayAccountRole`, else true */
  readonly manageApiGatewayAccountRole?: boolean;
  /** Alarms and dashboard. @default context `alarms`, else true */
  readonly alarms?: boolean;
  /** An existing SNS topic for the alarms. @default context `alarmTopicArn`, else a topic the stack creates */
  readonly alarmTopicArn?: string;
  /** An e-mail address subscribed to the created alarm topic. @default context `alarmEmail`, else none */
  readonly alarmEmail?: string;
  /** Host the customer and agent pages (S3 + CloudFront). @default context `hostPages`, else false */
  readonly hostPages?: boolean;
  /** The built pages directory. @default context `pagesDir`, else pages/dist */
  readonly pagesDir?: string;
}

/** The settings, resolved. */
export interface StackSettings {
  readonly routingFile?: string;
  readonly allowedOrigins: readonly string[];
  readonly memorySize: number;
  readonly logRetention: logs.RetentionDays;
  readonly throttlingRateLimit: number;
  readonly throttlingBurstLimit: number;
  readonly actionsReservedConcurrency?: number;
  readonly kmsKeyArn?: string;
  readonly createKmsKey: boolean;
  readonly manageApiGatewayAccountRole: boolean;
  readonly alarms: boolean;
  readonly alarmTopicArn?: string;
  readonly alarmEmail?: string;
  readonly hostPages: boolean;
  readonly pagesDir?: string;
}

/** Resolves every setting from props, then context, then its default. */
export function resolveStackSettings(scope: IConstruct, props: StackSettingsProps): StackSettings {
  const context = (key: string): unknown => {
    const value: unknown = scope.node.tryGetContext(key);
    return value === "" || value === null ? undefined : value;
  };
  const pick = <K extends keyof StackSettingsProps>(key: K): unknown => props[key] ?? context(key);
  const memorySize = integer("memorySize", pick("memorySize"), 512, 128, 10_240);
  const retentionDays = integer("logRetentionDays", pick("logRetentionDays"), 30, 1, 3653);
  if (!Object.values(logs.RetentionDays).includes(retentionDays)) {
    throw new Error(
      `logRetentionDays ${retentionDays} is not a CloudWatch Logs retention (1, 3, 5, 7, 14, 30, 60, 90, …).`,
    );
  }
  return {
    routingFile: text("routingFile", pick("routingFile")),
    allowedOrigins: origins(pick("allowedOrigins")),
    memorySize,
    logRetention: retentionDays as logs.RetentionDays,
    throttlingRateLimit: integer("throttlingRateLimit", pick("throttlingRateLimit"), 500, 1, 100_000),
    throttlingBurstLimit: integer("throttlingBurstLimit", pick("throttlingBurstLimit"), 1000, 1, 100_000),
    actionsReservedConcurrency: optionalInteger(
      "actionsReservedConcurrency",
      pick("actionsReservedConcurrency"),
      1,
      100_000,
    ),
    kmsKeyArn: arn("kmsKeyArn", pick("kmsKeyArn"), "kms"),
    createKmsKey: flag("createKmsKey", pick("createKmsKey"), false),
    manageApiGatewayAccountRole: flag(
      "manageApiGatewayAccountRole",
      pick("manageApiGatewayAccountRole"),
      true,
    ),
    alarms: flag("alarms", pick("alarms"), true),
    alarmTopicArn: arn("alarmTopicArn", pick("alarmTopicArn"), "sns"),
    alarmEmail: text("alarmEmail", pick("alarmEmail")),
    hostPages: flag("hostPages", pick("hostPages"), false),
    pagesDir: text("pagesDir", pick("pagesDir")),
  };
}

/** `https://host[:port]`, or `http://localhost[:port]`: exactly what a browser sends as `Origin`. */
const ORIGIN =
  /^(https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+|http:\/\/(localhost|127\.0\.0\.1))(:\d{1,5})?$/;

/** Parses and checks a list of origins (array or comma list). */
export function origins(value: unknown): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value.map(String) : String(value).split(",");
  const parsed = [...new Set(list.map((origin) => origin.trim()).filter((origin) => origin !== ""))];
  for (const origin of parsed) {
    if (!ORIGIN.test(origin)) {
      throw new Error(
        `allowedOrigins: "${origin}" is not an origin: write https://host[:port] (lower case, no path, no trailing slash).`,
      );
    }
  }
  return parsed;
}

function integer(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = typeof value === "number" ? value : Number(String(value).trim());
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}.`);
  }
  return parsed;
}

function optionalInteger(name: string, value: unknown, min: number, max: number): number | undefined {
  return value === undefined ? undefined : integer(name, value, min, min, max);
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new Error(`${name} must be true or false, not ${JSON.stringify(value)}.`);
}

function text(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new Error(`${name} must be a string, not ${JSON.stringify(value)}.`);
  return value.trim() || undefined;
}

function arn(name: string, value: unknown, service: string): string | undefined {
  const parsed = text(name, value);
  if (parsed !== undefined && !new RegExp(`^arn:aws[a-z-]*:${service}:[a-z0-9-]+:\\d{12}:.+$`).test(parsed)) {
    throw new Error(
      `${name} must be an ${service} ARN (arn:aws:${service}:<region>:<account>:…), not "${parsed}".`,
    );
  }
  return parsed;
}
