import { connectionsClient } from "../aws/connections-client.ts";
import { documentClient } from "../aws/document-client.ts";
import { stepFunctionsClient } from "../aws/step-functions-client.ts";
import { readEnvironment } from "../config/environment.ts";
import { readRoutingConfig } from "../config/routing-source.ts";
import { OversightStore } from "../data/oversight-store.ts";
import { readRetentionPolicy } from "../data/retention.ts";
import { FrameSender } from "../delivery/frame-sender.ts";
import type { ReconcilerPorts, ReconcilerSettings } from "../reconcile/reconcile-types.ts";
import { ClosureWorkflow } from "../workflows/closure-workflow.ts";
import { HandoffExecutions } from "../workflows/handoff-executions.ts";
import { HandoffWorkflow } from "../workflows/handoff-workflow.ts";
import { connectionDirectory, storagePorts } from "./storage.ts";

/** The index behind the HELD lists may lag a write by a moment; a second look waits this long. */
const CONFIRM_MS = 1_000;

const seconds = (value: string | undefined, fallback: number) => {
  const parsed = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
};

/** The settings as configured, each with its documented default (functions/lib/config/environment.ts). */
export function reconcilerSettings(env: Partial<Record<string, string>>): ReconcilerSettings {
  return {
    settleSeconds: seconds(env.RECONCILER_SETTLE_SECONDS, 60),
    disconnectGraceSeconds: seconds(env.QUEUE_DISCONNECT_GRACE_SECONDS, 60),
    idleSeconds: seconds(env.IDLE_CHAT_SECONDS, 1200),
    idleWarningSeconds: seconds(env.IDLE_WARNING_SECONDS, 120),
    confirmMs: CONFIRM_MS,
  };
}

let built: ReconcilerPorts | undefined;

/** The reconciler's root: the stores, delivery, both workflows and the executions it inspects. */
export function reconcilerPorts(env: NodeJS.ProcessEnv = process.env): ReconcilerPorts {
  if (built) return built;
  const config = readEnvironment("reconciler", env);
  const storage = storagePorts(config.TABLE_NAME, env, readRetentionPolicy(config));
  const stepFunctions = stepFunctionsClient(env);
  built = {
    ...storage,
    sender: new FrameSender(connectionsClient(config.WS_MANAGEMENT_ENDPOINT), connectionDirectory(storage)),
    handoff: new HandoffWorkflow(stepFunctions, config.HANDOFF_STATE_MACHINE_ARN),
    closure: new ClosureWorkflow(stepFunctions, config.CLOSURE_STATE_MACHINE_ARN),
    routing: readRoutingConfig(config.ROUTING_CONFIG_FILE),
    oversight: new OversightStore(documentClient(env), config.TABLE_NAME),
    executions: new HandoffExecutions(stepFunctions, config.HANDOFF_STATE_MACHINE_ARN),
    settings: reconcilerSettings(config),
  };
  return built;
}
