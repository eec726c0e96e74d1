import { RuleBasedAssistant } from "../assistant/rule-based-assistant.ts";
import { connectionsClient } from "../aws/connections-client.ts";
import { stepFunctionsClient } from "../aws/step-functions-client.ts";
import { withCaseNumberAnswers } from "../cases/case-number-answers.ts";
import { readEnvironment } from "../config/environment.ts";
import { readRoutingConfig } from "../config/routing-source.ts";
import { readRetentionPolicy } from "../data/retention.ts";
import { FrameSender } from "../delivery/frame-sender.ts";
import { EventBridgeBus, eventBridgeClient } from "../events/eventbridge-bus.ts";
import type { Ports } from "../kernel/ports.ts";
import { ClaimsProfile } from "../verification/claims-profile.ts";
import { ClosureWorkflow } from "../workflows/closure-workflow.ts";
import { HandoffWorkflow } from "../workflows/handoff-workflow.ts";
import { connectionDirectory, storagePorts } from "./storage.ts";
import { uploadBucketOf } from "./upload-root.ts";

/**
 * One set per function name: on Lambda each function is its own process, but the local runtime runs
 * them all in one, and each must see only the variables its own contract declares.
 */
const built = new Map<string, Ports>();

/**
 * The composition root of the functions that run chats (`actions`, `chat-handoff`, `chat-closure`):
 * every port, built once per cold start from the function's declared environment, the routing
 * configuration injected into the assistant and the use cases rather than loaded by them.
 */
export function chatPorts(
  fn: "actions" | "chat-handoff" | "chat-closure",
  env: NodeJS.ProcessEnv = process.env,
): Ports {
  const existing = built.get(fn);
  if (existing) return existing;
  const config = readEnvironment(fn, env);
  const storage = storagePorts(config.TABLE_NAME, env, readRetentionPolicy(config));
  const stepFunctions = stepFunctionsClient(env);
  const routing = readRoutingConfig(config.ROUTING_CONFIG_FILE);
  const ports: Ports = {
    ...storage,
    sender: new FrameSender(connectionsClient(config.WS_MANAGEMENT_ENDPOINT), connectionDirectory(storage)),
    handoff: new HandoffWorkflow(stepFunctions, config.HANDOFF_STATE_MACHINE_ARN),
    // Only `actions` ends chats; the workflow functions are never given the closure machine (a cycle).
    closure: new ClosureWorkflow(stepFunctions, config.CLOSURE_STATE_MACHINE_ARN ?? ""),
    routing,
    // The assistant gets its phone numbers and products from the routing configuration, never loads it.
    assistant: withCaseNumberAnswers(new RuleBasedAssistant(routing)),
    // A bank replaces this with an adapter over its system of record (auth/profile-port.ts).
    profiles: new ClaimsProfile(),
    uploadBucket: uploadBucketOf(config, env),
    events: new EventBridgeBus(eventBridgeClient(env), config.EVENT_BUS_NAME),
  };
  built.set(fn, ports);
  return ports;
}
