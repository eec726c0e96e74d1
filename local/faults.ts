import { Readable } from "node:stream";
import { type AttemptContext, addAttemptHook, type SendAttempt } from "../functions/lib/aws/client-hooks.ts";
import {
  FAULT_ERRORS,
  type FaultError,
  type FaultReport,
  type FaultRule,
  type FaultService,
} from "./fault-plan.ts";
import { currentInvocation } from "./lambda-runner.ts";

const SERVICES: Record<string, FaultService> = {
  DynamoDBClient: "dynamodb",
  ApiGatewayManagementApiClient: "connections",
  SFNClient: "stepfunctions",
};

/** lib-dynamodb's command names, should a context carry them rather than the service's own. */
const DOCUMENT_ALIASES: Record<string, string> = {
  Get: "GetItem",
  Put: "PutItem",
  Update: "UpdateItem",
  Delete: "DeleteItem",
  BatchGet: "BatchGetItem",
  BatchWrite: "BatchWriteItem",
  TransactGet: "TransactGetItems",
  TransactWrite: "TransactWriteItems",
};

/** The HTTP answer each error has on the wire (AWS JSON for DynamoDB and Step Functions, REST JSON for `@connections`). */
const ANSWERS: Record<Exclude<FaultError, "CrashAfterCall">, { status: number; type: string }> = {
  ThrottlingException: { status: 400, type: "ThrottlingException" },
  ProvisionedThroughputExceededException: { status: 400, type: "ProvisionedThroughputExceededException" },
  InternalServerError: { status: 500, type: "InternalServerError" },
  ServiceUnavailable: { status: 503, type: "ServiceUnavailable" },
  LimitExceededException: { status: 429, type: "LimitExceededException" },
  GoneException: { status: 410, type: "GoneException" },
};

interface ActiveRule {
  readonly rule: FaultRule;
  readonly until: number | undefined;
  remaining: number;
  injected: number;
}

/**
 * Fault injection for the local runtime's SDK clients, through the attempt hook of
 * functions/lib/aws/client-hooks.ts: a matching attempt never reaches the stand-in and gets a
 * synthetic HTTP answer instead, which the SDK's own deserializer turns into the service's exception
 * and its own retry strategy retries, as it would a real throttle or 5xx. Only the local runtime
 * installs this; no variable of a deployed function can.
 */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private readonly remove: () => void;

  constructor(initial: readonly FaultRule[] = []) {
    this.set(initial);
    this.remove = addAttemptHook((attempt, send) => this.attempt(attempt, send));
  }

  set(rules: readonly FaultRule[]): void {
    const now = Date.now();
    this.rules = rules.map((rule) => {
      if (!FAULT_ERRORS.includes(rule.error)) throw new FaultPlanError(`Unknown error ${String(rule.error)}`);
      if (!Object.values(SERVICES).includes(rule.service))
        throw new FaultPlanError(`Unknown service ${String(rule.service)}`);
      return {
        rule,
        until: rule.durationMs !== undefined ? now + rule.durationMs : undefined,
        remaining: rule.count ?? (rule.durationMs !== undefined ? Number.POSITIVE_INFINITY : 1),
        injected: 0,
      };
    });
  }

  report(): FaultReport {
    const now = Date.now();
    const rules = this.rules.map((active) => ({
      ...active.rule,
      injected: active.injected,
      active: this.isActive(active, now),
    }));
    return { rules, injected: rules.reduce((sum, rule) => sum + rule.injected, 0) };
  }

  uninstall(): void {
    this.remove();
  }

  private isActive(active: ActiveRule, now: number): boolean {
    return active.remaining > 0 && (active.until === undefined || now < active.until);
  }

  private async attempt(attempt: AttemptContext, send: SendAttempt): Promise<unknown> {
    const active = this.match(attempt);
    if (!active) return send();
    active.remaining -= 1;
    active.injected += 1;
    const { error } = active.rule;
    if (error === "CrashAfterCall") {
      await send();
      throw Object.assign(new Error(`Injected crash after ${attempt.operation}`), { name: "InjectedCrash" });
    }
    const answer = ANSWERS[error];
    const body = JSON.stringify({ __type: answer.type, message: `Injected ${answer.type}` });
    return {
      response: {
        statusCode: answer.status,
        reason: answer.type,
        headers: {
          "content-type": "application/json",
          "x-amzn-errortype": answer.type,
          "x-amzn-requestid": `fault-${active.injected}`,
        },
        body: Readable.from([Buffer.from(body)]),
      },
    };
  }

  private match(attempt: AttemptContext): ActiveRule | undefined {
    const service = SERVICES[attempt.clientName];
    const operation = DOCUMENT_ALIASES[attempt.operation] ?? attempt.operation;
    const invocation = currentInvocation();
    const now = Date.now();
    return this.rules.find((active) => {
      const { rule } = active;
      if (!this.isActive(active, now) || rule.service !== service) return false;
      if (rule.operation && rule.operation !== "*" && rule.operation !== operation) return false;
      if (rule.functionName && rule.functionName !== invocation?.functionName) return false;
      if (rule.label && rule.label !== invocation?.label) return false;
      return !rule.connectionId || rule.connectionId === attempt.input.ConnectionId;
    });
  }
}

export class FaultPlanError extends Error {
  readonly code = "BAD_REQUEST";
}

/** `CARECHAT_FAULTS`: a JSON array of rules active from the start (e.g. to fault a restart). */
export function faultsFromEnvironment(value: string | undefined): FaultRule[] {
  if (!value) return [];
  const parsed = JSON.parse(value) as unknown;
  if (!Array.isArray(parsed)) throw new FaultPlanError("CARECHAT_FAULTS must be a JSON array of rules.");
  return parsed as FaultRule[];
}
